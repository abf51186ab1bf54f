using System.Net;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Entrepreneurs;

namespace Cotravail.Tests.Entrepreneurs;

public sealed class DirectorySearchTests
{
    private static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static List<string> Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_ignores_accents_and_case_and_filters_by_sector_skill_and_commune(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, EntrepreneursSteps.NoDigestWorker);
        var client = app.CreateClient();

        // The demo's builder in Prayssac: « eco » finds « Écoconstruction », « PRAYSSAC » finds Prayssac.
        var eco = Names(await GetAsync(client, "/api/v1/directory?q=eco"));
        Assert.Contains("Bouysset Écoconstruction", eco);
        Assert.Contains("Bouysset Écoconstruction", Names(await GetAsync(client, "/api/v1/directory?q=%C3%89COCONSTRUCTION%20prayssac")));
        Assert.Contains("Anne Lacombe, traductrice", Names(await GetAsync(client, "/api/v1/directory?q=puy%20l%27eveque")));
        Assert.Empty(Names(await GetAsync(client, "/api/v1/directory?q=%25")));

        var builders = Names(await GetAsync(client, "/api/v1/directory?sector=F&commune=prayssac"));
        Assert.Contains("Bouysset Écoconstruction", builders);
        Assert.Contains("Karim Benali — électricien", builders);
        Assert.DoesNotContain("Bruno Valette, plombier", builders); // sector F, but in Soturac
        Assert.Equal(["Bouysset Écoconstruction"], Names(await GetAsync(client, "/api/v1/directory?skill=ISOLATION%20PAILLE")));

        // The page does the same for people.
        var page = await app.Browser().GetDocumentAsync("/annuaire?q=eco&sector=F");
        Assert.Contains("Bouysset Écoconstruction", page.QuerySelector(".cards")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_of_twenty_and_bad_parameters_get_problem_details()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        for (var i = 0; i < 25; i++)
        {
            await app.MemberWithProfileAsync($"apiculteur{i}@exemple.fr", $"Rucher n°{i:00}", Visibility.Public, "apiculture");
        }
        var client = app.CreateClient();
        var first = await GetAsync(client, "/api/v1/directory?skill=apiculture");
        Assert.Equal(26, first.GetProperty("total").GetInt32()); // with the demo's beekeeper
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(20, Names(first).Count);
        var second = Names(await GetAsync(client, "/api/v1/directory?skill=apiculture&page=2"));
        Assert.Equal(6, second.Count);
        Assert.Empty(second.Intersect(Names(first)));
        var links = (await app.Browser().GetDocumentAsync("/annuaire?skill=apiculture")).QuerySelector("a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/annuaire?skill=apiculture&page=2", links);

        var bad = await client.GetAsync(new Uri("/api/v1/directory?sector=Z&page=-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.JsonAsync();
        Assert.Equal("Le secteur est une lettre de A à U (sections de la NAF).", problem.GetProperty("errors").GetProperty("sector")[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _));
        var badKind = await client.GetAsync(new Uri("/api/v1/listings?kind=cadeau", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal("Le type doit être offer ou need.", (await badKind.JsonAsync()).GetProperty("errors").GetProperty("kind")[0].GetString());
    }
}
