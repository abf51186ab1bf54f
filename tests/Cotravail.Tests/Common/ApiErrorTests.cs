using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Common;

public sealed class ApiErrorTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task Malformed_json_answers_400_problem_details_in_French()
    {
        var app = await apps.GetAsync();
        var response = await app.CreateClient().PostAsync(new Uri("/api/v1/auth/login", UriKind.Relative),
            new StringContent("{\"email\": \"membre@cotravail.test\", ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("La requête n'est pas valide.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/api/v1/sites/abc")]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v1/sites/99999999999999999999")]
    public async Task Unknown_api_paths_and_ids_answer_404_problem_details(string path)
    {
        var app = await apps.GetAsync();
        var response = await app.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ressource introuvable.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unexpected_error_answers_problem_details_on_the_api_and_the_French_page_elsewhere()
    {
        await using var first = await TestApp.StartAsync();
        await using var app = first.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ThrowingEndpoint>()));
        var client = app.CreateClient();

        var api = await client.GetAsync(new Uri("/api/v1/boom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Une erreur inattendue s'est produite.", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var page = await client.GetAsync(new Uri("/boom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Equal("Une erreur s'est produite", (await page.ParseAsync()).QuerySelector("h1").Text());
    }

    /// <summary>Adds, at the end of the pipeline, a path that throws (as a bug would).</summary>
    private sealed class ThrowingEndpoint : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path.Value!.EndsWith("/boom", StringComparison.Ordinal)
                ? throw new InvalidOperationException("a bug")
                : Task.CompletedTask);
        };
    }

    [Fact]
    public async Task Security_headers_are_sent()
    {
        var app = await apps.GetAsync();
        var response = await app.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
