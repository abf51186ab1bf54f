using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Surveys;

/// <summary>Managers build surveys of their networks: questions by page, conditions, publishing.</summary>
public sealed class BuilderTests
{
    private static Dictionary<string, string> Question(string text, QuestionKind kind, int page = 1, bool required = true, string choices = "", string? condition = null) => new()
    {
        ["Input.Text"] = text, ["Input.Kind"] = kind.ToString(), ["Input.Page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Required"] = required ? "true" : "false", ["Input.Choices"] = choices, ["Input.Condition"] = condition ?? "",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_builds_a_survey_with_a_condition_publishes_it_and_a_visitor_only_sees_the_question_that_applies(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);

        var created = await manager.SubmitFormAsync("/gestion/enquetes/nouvelle", new Dictionary<string, string> { ["Input.Title"] = "Vos idées d'ateliers" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var survey = await app.SurveyAsync("vos-idees-d-ateliers");
        var edit = $"/gestion/enquetes/{survey.Id}";
        var add = $"{edit}/question";
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(add, Question("Venez-vous déjà dans un tiers-lieu ?", QuestionKind.SingleChoice, choices: "Oui\nNon"))).StatusCode);
        survey = await app.SurveyAsync("vos-idees-d-ateliers");
        var condition = $"{survey.Question("Venez-vous").Id}:{survey.Option("Venez-vous", "Oui")}";
        await manager.SubmitFormAsync(add, Question("Lequel ?", QuestionKind.ShortText, page: 2, condition: condition));
        await manager.SubmitFormAsync(add, Question("Combien d'ateliers par mois ?", QuestionKind.Number, page: 2, required: false));
        await manager.SubmitFormAsync(add, Question("Votre code postal", QuestionKind.Postcode, page: 3));

        var unpublishable = await (await manager.SubmitFormAsync(edit, new Dictionary<string, string>(), formSelector: "main form.actions", postTo: $"{edit}?handler=Publish")).ParseAsync();
        Assert.Contains("Indiquez le premier et le dernier jour pour répondre avant de publier.", unpublishable.QuerySelector("main .alert").Text(), StringComparison.Ordinal);

        var settings = await manager.SubmitFormAsync(edit, new Dictionary<string, string>
        {
            ["Input.Title"] = "Vos idées d'ateliers", ["Input.Slug"] = "idees-ateliers", ["Input.OpensOn"] = "2026-11-30", ["Input.ClosesOn"] = "2026-12-31",
            ["Input.OnePerEmail"] = "false", ["Input.ResultsPublic"] = "false",
        }, formSelector: "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, settings.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(edit, new Dictionary<string, string>(), formSelector: "main form.actions", postTo: $"{edit}?handler=Publish")).StatusCode);
        var managed = await manager.GetDocumentAsync(edit);
        Assert.Contains("Ouverte", managed.QuerySelector("dl.facts").Text(), StringComparison.Ordinal);
        Assert.Contains("Affichée seulement si « Venez-vous déjà dans un tiers-lieu ? » a pour réponse « Oui ».", managed.Body.Text(), StringComparison.Ordinal);

        // a visitor who answers « Non » never sees « Lequel ? »
        survey = await app.SurveyAsync("idees-ateliers");
        var visitor = app.Browser();
        var page2 = await (await visitor.SubmitFormAsync("/enquetes/idees-ateliers", new Dictionary<string, string>
        {
            [survey.Field("Venez-vous")] = survey.Option("Venez-vous", "Non"),
        })).ParseAsync();
        Assert.Contains("Page 2 sur 3", page2.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Null(page2.QuerySelector($"#{survey.Field("Lequel")}"));
        Assert.NotNull(page2.QuerySelector($"#{survey.Field("Combien d'ateliers")}"));

        // one who answers « Oui » must say which
        var other = app.Browser();
        await other.SubmitFormAsync("/enquetes/idees-ateliers", new Dictionary<string, string> { [survey.Field("Venez-vous")] = survey.Option("Venez-vous", "Oui") });
        var missing = await (await other.SubmitFormAsync("/enquetes/idees-ateliers", new Dictionary<string, string>())).ParseAsync();
        Assert.Equal("Cette question est obligatoire : donnez une réponse.", missing.QuerySelector($"#{survey.Field("Lequel")}-error").Text());

        // once answers exist, the questions are fixed
        await visitor.SubmitFormAsync("/enquetes/idees-ateliers", new Dictionary<string, string>());
        var locked = await manager.GetAsync(new Uri($"{add}/{survey.Question("Lequel").Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
    }

    [Fact]
    public async Task Wrong_question_input_gets_French_messages_next_to_the_fields_and_adds_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var s = await app.DemoSurveyAsync();
        await app.WithDbAsync(async db =>
        {
            await db.SurveyResponses.Where(r => r.SurveyId == s.Id).ExecuteDeleteAsync();
            return 0;
        });
        var before = s.Questions.Count;

        var fields = Question("", QuestionKind.SingleChoice, choices: "Oui");
        var page = await (await manager.SubmitFormAsync($"/gestion/enquetes/{s.Id}/question", fields)).ParseAsync();
        Assert.Equal("L'intitulé de la question est obligatoire.", page.QuerySelector("#Input_Text-error").Text());
        Assert.Equal("Donnez au moins deux choix, un par ligne.", page.QuerySelector("#Input_Choices-error").Text());

        var number = Question("Âge", QuestionKind.Number);
        number["Input.Min"] = "10";
        number["Input.Max"] = "5";
        var wrongBounds = await (await manager.SubmitFormAsync($"/gestion/enquetes/{s.Id}/question", number)).ParseAsync();
        Assert.Equal("La valeur maximale doit être supérieure ou égale à la valeur minimale.", wrongBounds.QuerySelector("#Input_Max-error").Text());

        // a condition on a question of a later page
        var later = $"{s.Question("Votre âge").Id}:{s.Option("Votre âge", "25 à 34 ans")}";
        var wrongCondition = await (await manager.SubmitFormAsync($"/gestion/enquetes/{s.Id}/question", Question("Pourquoi ?", QuestionKind.ShortText, page: 1, condition: later))).ParseAsync();
        Assert.StartsWith("La question « Votre âge » est posée page 3", wrongCondition.QuerySelector("#Input_Condition-error").Text(), StringComparison.Ordinal);
        Assert.Equal(before, (await app.DemoSurveyAsync()).Questions.Count);
    }

    [Fact]
    public async Task A_manager_of_another_network_cannot_open_or_change_the_survey_and_a_member_cannot_open_the_builder()
    {
        await using var app = await TestApp.StartAsync();
        var (_, _, other) = await app.CreateOtherNetworkAsync();
        var s = await app.DemoSurveyAsync();
        var stranger = app.Browser();
        await stranger.SignInAsync(other.Email!);

        foreach (var url in new[] { $"/gestion/enquetes/{s.Id}", $"/gestion/enquetes/{s.Id}/resultats", $"/gestion/enquetes/{s.Id}/resultats/csv", $"/gestion/enquetes/{s.Id}/question" })
        {
            var denied = await stranger.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Contains("/compte/acces-refuse", denied.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
        var publish = await stranger.SubmitFormAsync("/gestion/enquetes", new Dictionary<string, string>(), formSelector: "header form", postTo: $"/gestion/enquetes/{s.Id}?handler=Unpublish");
        Assert.Contains("/compte/acces-refuse", publish.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        Assert.True((await app.DemoSurveyAsync()).IsPublished);
        var list = await stranger.GetDocumentAsync("/gestion/enquetes");
        Assert.Contains("Aucune enquête dans vos réseaux.", list.Body.Text(), StringComparison.Ordinal);

        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var refused = await member.GetAsync(new Uri("/gestion/enquetes", UriKind.Relative));
        Assert.Contains("/compte/acces-refuse", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
