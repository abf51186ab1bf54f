using System.Net;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Newcomers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Newcomers;

public sealed class ApiTests
{
    private static object Body(string name = "Marc Vidal", string? email = "marc.vidal@exemple.fr", string? phone = null, string? message = "Bonjour") => new
    {
        kind = "firm", name, organisation = "Vidal Conseil", email, phone, project = "relocation",
        originCountry = "Belgique", arrivalMonth = "2027-01", needs = new[] { "desk", "network" }, message,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_program_sends_a_request_and_a_manager_lists_it(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var response = await app.CreateClient().PostJsonAsync("/api/v1/newcomer-requests", Body());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("new", (await response.JsonAsync()).GetProperty("status").GetString());
        Assert.Contains(app.Mails(), m => m.To.ToString().Contains("marc.vidal@exemple.fr", StringComparison.Ordinal));

        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var list = await (await manager.GetAsync(new Uri("/api/v1/newcomer-requests?status=new", UriKind.Relative))).JsonAsync();
        var mine = list.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Marc Vidal");
        Assert.Equal("Hors de France", mine.GetProperty("region").GetString());
        Assert.Equal(["desk", "network"], mine.GetProperty("needs").EnumerateArray().Select(n => n.GetString()!).ToArray());

        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(new Uri("/api/v1/newcomer-requests", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(new Uri("/api/v1/newcomer-requests", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_in_french_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:public-form:PermitLimit"] = "50" });
        var client = app.CreateClient();

        var noContact = await client.PostJsonAsync("/api/v1/newcomer-requests", Body(email: null));
        Assert.Equal(HttpStatusCode.BadRequest, noContact.StatusCode);
        var problem = await noContact.JsonAsync();
        Assert.Contains("adresse e-mail ou un numéro de téléphone", problem.GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);

        var tooLong = await client.PostJsonAsync("/api/v1/newcomer-requests", Body(message: new string('x', 4001)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("Le message fait au plus 4000 caractères.", (await tooLong.JsonAsync()).GetProperty("errors").GetProperty("message")[0].GetString());
        // A body past the API's limit (64 KB) is refused before it is read.
        var huge = await client.PostJsonAsync("/api/v1/newcomer-requests", Body(message: new string('x', 1024 * 1024)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("Requête trop volumineuse.", (await huge.JsonAsync()).GetProperty("title").GetString());

        var wrong = await client.PostJsonAsync("/api/v1/newcomer-requests", new { kind = "robot", name = "", project = "vacances", email = "pas-une-adresse", needs = new[] { "yacht" } });
        var errors = (await wrong.JsonAsync()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        foreach (var field in new[] { "name", "email", "kind", "project", "needs" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        var nullNeeds = await client.PostJsonAsync("/api/v1/newcomer-requests", new { kind = "person", name = "", project = "other", needs = (string[]?)null });
        Assert.Equal(HttpStatusCode.BadRequest, nullNeeds.StatusCode);

        foreach (var broken in new[] { "pas du JSON", "{\"kind\": 5}", "{\"needs\": \"desk\"}", "" })
        {
            var response = await client.PostAsync(new Uri("/api/v1/newcomer-requests", UriKind.Relative),
                new StringContent(broken, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<NewcomerRequest>().CountAsync(r => r.Name == "Marc Vidal" || r.Name == "")));
    }

    [Fact]
    public async Task A_flood_gets_429_with_french_problem_details_and_only_the_allowed_requests_are_stored()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:public-form:PermitLimit"] = "2" });
        var client = app.CreateClient();
        var codes = new List<HttpStatusCode>();
        JsonElement? rejected = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostJsonAsync("/api/v1/newcomer-requests", Body(name: $"Flot API {i}"));
            codes.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                rejected = await response.JsonAsync();
            }
        }
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal("Trop de requêtes ; réessayez plus tard.", rejected!.Value.GetProperty("title").GetString());
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<NewcomerRequest>().CountAsync(r => r.Name.StartsWith("Flot API"))));
    }
}
