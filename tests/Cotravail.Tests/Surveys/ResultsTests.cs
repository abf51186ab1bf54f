using System.Net;
using System.Text;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Surveys;

/// <summary>Results for managers (charts with their tables, free texts, cross-tabulation, CSV) and for the public when allowed.</summary>
public sealed class ResultsTests
{
    [Fact]
    public async Task A_manager_sees_each_question_as_a_chart_and_a_table_the_free_texts_and_a_cross_tabulation_by_postcode()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);

        var page = await manager.GetDocumentAsync($"/gestion/enquetes/{s.Id}/resultats?croiser={s.Question("Votre code postal").Id}");

        var text = page.Body.Text();
        Assert.Contains("Une bonne connexion est indispensable", text, StringComparison.Ordinal);
        Assert.Contains("À Cahors", text, StringComparison.Ordinal);
        var tariff = page.QuerySelectorAll("table").First(t => t.QuerySelector("caption").Text().StartsWith("Réponses à « Quel tarif", StringComparison.Ordinal));
        Assert.Equal(["Réponse", "Nombre", "Pourcentage"], tariff.QuerySelectorAll("thead th[scope=col]").Select(th => th.Text()));
        Assert.Equal("82", tariff.QuerySelectorAll("tbody tr")[1].QuerySelector("td").Text());
        Assert.NotEmpty(page.QuerySelectorAll("figure.chart svg[aria-hidden=true] rect"));

        var cross = page.QuerySelectorAll("table.cross").First(t => t.QuerySelector("caption").Text().StartsWith("« Avez-vous déjà pratiqué", StringComparison.Ordinal));
        var heads = cross.QuerySelectorAll("thead th").Select(th => th.Text()).ToList();
        Assert.Equal(["Réponse", "46140", "46700", "46220", "46150", "46000", "Autres codes postaux", "Total"], heads);
        var yes = cross.QuerySelectorAll("tbody tr")[0];
        Assert.Equal("Oui", yes.QuerySelector("th").Text());
        Assert.Equal("50", yes.QuerySelectorAll("td").Last().Text());
    }

    [Fact]
    public async Task The_raw_answers_download_as_CSV_one_line_per_answer_without_e_mail_addresses()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);

        var response = await manager.GetAsync(new Uri($"/gestion/enquetes/{s.Id}/resultats/csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(151, lines.Length);
        Assert.StartsWith("Réponse;Date;Savez-vous ce qu'est le coworking ?;", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(1), l => l.Contains(";46140;", StringComparison.Ordinal));
        Assert.DoesNotContain("@", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_that_are_not_public_answer_404_on_the_page_and_as_ProblemDetails_on_the_API()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Surveys.FindAsync(s.Id))!.ResultsPublic = false;
            return await db.SaveChangesAsync();
        });
        var client = app.Browser();

        await client.GetDocumentAsync(SurveySteps.DemoUrl + "/resultats", HttpStatusCode.NotFound);
        var api = await client.GetAsync(new Uri($"/api/v1/surveys/{s.Id}/results", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal(404, (await api.JsonAsync()).GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/surveys/999999/results", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_API_lists_open_surveys_and_gives_public_results_with_counts_and_percentages()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        var client = app.CreateClient();

        var open = await (await client.GetAsync(new Uri("/api/v1/surveys", UriKind.Relative))).JsonAsync();
        var listed = Assert.Single(open.EnumerateArray());
        Assert.Equal(s.Id, listed.GetProperty("id").GetInt32());
        Assert.EndsWith("/enquetes/besoins-coworking", listed.GetProperty("url").GetString(), StringComparison.Ordinal);

        var results = await (await client.GetAsync(new Uri($"/api/v1/surveys/{s.Id}/results", UriKind.Relative))).JsonAsync();
        Assert.Equal(150, results.GetProperty("responses").GetInt32());
        var postcode = results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("kind").GetString() == "postcode");
        var first = postcode.GetProperty("counts")[0];
        Assert.Equal(57, first.GetProperty("count").GetInt32());
        Assert.Equal(38.0, first.GetProperty("percent").GetDouble());

        app.Clock.Advance(TimeSpan.FromDays(60)); // closed: no longer listed as open
        Assert.Empty((await (await client.GetAsync(new Uri("/api/v1/surveys", UriKind.Relative))).JsonAsync()).EnumerateArray());
    }
}
