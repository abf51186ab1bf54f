using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Surveys;

/// <summary>The brief's 2016 needs survey, rebuilt and seeded with answers that give its published figures.</summary>
public sealed class DemoSurveyTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_seeded_needs_survey_gives_the_figures_published_in_the_brief(string provider)
    {
        var app = await apps.GetAsync(provider);
        var survey = await app.DemoSurveyAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var results = await scope.ServiceProvider.GetRequiredService<SurveyQueries>().ResultsAsync(survey, default);

        Assert.True(results.Responses >= 150);
        double Pct(string question, string label) => results.For(survey.Question(question).Id).Counts.Single(c => c.Label == label).Percent;
        Assert.Equal(33, Math.Round(Pct("Avez-vous déjà", "Oui")));
        var postcodes = results.For(survey.Question("Votre code postal").Id).Counts;
        Assert.Equal(["46140", "46700", "46220"], postcodes.Take(3).Select(c => c.Label[..5]));
        Assert.Equal([38, 27, 13], postcodes.Take(3).Select(c => (int)Math.Round(c.Percent)));
        var prices = results.For(survey.Question("Quel tarif").Id).Counts;
        Assert.Equal("De 10 à 20 €", prices.MaxBy(c => c.Count)!.Label);
        var regular = Pct("À quelle fréquence", "Tous les jours") + Pct("À quelle fréquence", "Plusieurs fois par semaine")
            + Pct("À quelle fréquence", "Plusieurs fois par mois");
        Assert.Equal(50, Math.Round(regular));
        Assert.Equal(33, Math.Round(Pct("À quelle fréquence", "Ponctuellement, selon mes besoins")));
        // the three motivations come first and equal, as in the brief
        var motivations = results.For(survey.Question("Quelles seraient vos principales motivations").Id).Counts;
        Assert.Equal(3, motivations.Count(c => c.Count == motivations.Max(m => m.Count)));
    }

    [Fact]
    public async Task The_public_results_page_shows_the_same_figures_as_text_and_in_tables()
    {
        var app = await apps.GetAsync();
        var page = await app.Browser().GetDocumentAsync(SurveySteps.DemoUrl + "/resultats");

        var text = page.Body.Text();
        Assert.Contains("150 réponses comptées.", text, StringComparison.Ordinal);
        var postcodeTable = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption").Text().StartsWith("Réponses à « Votre code postal »", StringComparison.Ordinal));
        var first = postcodeTable.QuerySelector("tbody tr")!;
        Assert.StartsWith("46140", first.QuerySelector("th[scope=row]").Text(), StringComparison.Ordinal);
        Assert.Equal("38 %", first.QuerySelectorAll("td")[1].Text().Replace('\u00a0', ' '));
        Assert.Contains("57 (38 %)", text.Replace('\u00a0', ' '), StringComparison.Ordinal); // the chart's numbers are text
        Assert.Contains("Les réponses libres ne sont pas publiées.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Une bonne connexion est indispensable", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_again_on_the_same_database_does_not_add_the_survey_twice()
    {
        var app = await apps.GetAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Surveys.CountAsync(s => s.Slug == SurveyDemo.Slug)));
        Assert.Equal(SurveyDemo.Answers, await app.CountedAsync((await app.DemoSurveyAsync()).Id));
    }

    [Fact]
    public async Task Without_demo_data_there_is_no_survey_and_its_link_answers_404()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false" });
        Assert.Equal(0, await app.WithDbAsync(db => db.Surveys.CountAsync()));
        await app.Browser().GetDocumentAsync(SurveySteps.DemoUrl, HttpStatusCode.NotFound);
    }
}
