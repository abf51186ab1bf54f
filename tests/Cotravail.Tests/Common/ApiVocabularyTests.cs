using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Api;

namespace Cotravail.Tests.Common;

/// <summary>Every API answers its errors in the same words: one title and type per kind of problem, fields named as sent.</summary>
public sealed class ApiVocabularyTests
{
    [Fact]
    public async Task A_404_has_the_same_title_and_type_whichever_feature_answers_it()
    {
        await using var app = await TestApp.StartAsync();
        var client = app.CreateClient();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);

        var answers = new List<(string Type, string Title)>();
        foreach (var response in new[]
        {
            await client.GetAsync(new Uri("/api/v1/sites/999999/products", UriKind.Relative)),   // Billing, with what was not found
            await client.GetAsync(new Uri("/api/v1/surveys/999999/results", UriKind.Relative)),  // Surveys, idem
            await client.GetAsync(new Uri("/api/v1/sites/999999", UriKind.Relative)),            // Sites, a bare 404
            await member.GetAsync(new Uri("/api/v1/bookings/999999", UriKind.Relative)),         // Booking, signed in
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.JsonAsync();
            answers.Add((problem.GetProperty("type").GetString()!, problem.GetProperty("title").GetString()!));
        }
        Assert.All(answers, a => Assert.Equal(("https://tools.ietf.org/html/rfc9110#section-15.5.5", "Ressource introuvable."), a));
        var products = await (await client.GetAsync(new Uri("/api/v1/sites/999999/products", UriKind.Relative))).JsonAsync();
        Assert.Equal("Cet espace n'existe pas.", products.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/sites/{site}/availability?from=2026-13-01", "from", "« 2026-13-01 » n'est pas valide. " + Day.Expected)]
    [InlineData("/api/v1/events?to=demain", "to", "« demain » n'est pas valide. " + Day.Expected)]
    [InlineData("/api/v1/events?siteId=luzech", "siteId", "« luzech » n'est pas valide. Un nombre entier est attendu.")]
    [InlineData("/api/v1/opendata/indicators.csv?from=2026-11-01&to=1999-01-01", "to", "« 1999-01-01 » n'est pas valide. " + Day.Expected)]
    [InlineData("/api/v1/observatory/indicators?from=2026-11-01&to=2026-10-01", "to", DayRange.EndBeforeStart)]
    [InlineData("/api/v1/directory?page=0", "page", "La page est un nombre entier de 1 à 10 000.")]
    [InlineData("/api/v1/listings?category=cadeau", "category", "La catégorie doit être service, collaboration, subcontracting, equipment, carsharing ou other.")]
    public async Task A_value_that_cannot_be_used_answers_400_naming_its_field_in_French(string url, string field, string message)
    {
        await using var app = await TestApp.StartAsync();
        var site = (await app.SiteAsync("luzech")).Id;
        var response = await app.CreateClient().GetAsync(new Uri(url.Replace("{site}", $"{site}", StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(ApiProblems.InvalidTitle, problem.GetProperty("title").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem.GetProperty("type").GetString());
        Assert.Equal([message], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task The_openapi_document_shows_a_day_as_a_query_string()
    {
        await using var app = await TestApp.StartAsync();
        var doc = await (await app.CreateClient().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).JsonAsync();
        var parameters = doc.GetProperty("paths").GetProperty("/api/v1/sites/{id}/availability").GetProperty("get").GetProperty("parameters");
        var from = parameters.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "from");
        Assert.Equal("query", from.GetProperty("in").GetString());
        Assert.Contains("string", from.GetProperty("schema").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_says_so_in_detail()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        using var content = new StringContent("{\"resourceId\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await member.PostAsync(new Uri("/api/v1/booking-series/preview", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("La requête n'est pas valide.", problem.GetProperty("title").GetString());
        Assert.Equal(ApiProblems.MalformedBody, problem.GetProperty("detail").GetString());
    }
}
