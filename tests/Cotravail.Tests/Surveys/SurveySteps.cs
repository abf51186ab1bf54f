using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Surveys;

/// <summary>Finding the seeded needs survey and naming its fields as the answering page does.</summary>
internal static class SurveySteps
{
    public const string DemoUrl = "/enquetes/" + SurveyDemo.Slug;

    public static Task<Survey> DemoSurveyAsync(this TestApp app) => app.SurveyAsync(SurveyDemo.Slug);

    public static Task<Survey> SurveyAsync(this TestApp app, string slug) =>
        app.WithDbAsync(db => db.Surveys.AsNoTracking().AsSplitQuery().Include(s => s.Questions).ThenInclude(q => q.Options).SingleAsync(s => s.Slug == slug));

    public static SurveyQuestion Question(this Survey survey, string startsWith) =>
        survey.Questions.Single(q => q.Text.StartsWith(startsWith, StringComparison.Ordinal));

    public static string Field(this Survey survey, string startsWith) => $"q{survey.Question(startsWith).Id}";

    public static string Option(this Survey survey, string question, string label) =>
        survey.Question(question).Options.Single(o => o.Label == label).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static Task<int> CountedAsync(this TestApp app, int surveyId) =>
        app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == surveyId && r.Status == ResponseStatus.Complete));

    public static Task<int> StoredAnswersAsync(this TestApp app, int surveyId) =>
        app.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == surveyId)));

    public static Dictionary<string, string> DemoPage1(this Survey s) => new()
    {
        [s.Field("Savez-vous")] = s.Option("Savez-vous", "J'en ai entendu parler"),
        [s.Field("Avez-vous déjà")] = s.Option("Avez-vous déjà", "Non"),
        [s.Field("Un espace de coworking")] = "4",
    };

    public static Dictionary<string, string> DemoPage2(this Survey s) => new()
    {
        [s.Field("À quelle fréquence")] = s.Option("À quelle fréquence", "Plusieurs fois par semaine"),
        [s.Field("Combien de jours")] = "8",
        [s.Field("Où le lieu")] = s.Option("Où le lieu", "Peu importe"),
        [s.Field("Quel tarif")] = s.Option("Quel tarif", "De 10 à 20 €"),
    };

    public static Dictionary<string, string> DemoPage3(this Survey s) => new()
    {
        [s.Field("Votre code postal")] = "46220",
        [s.Field("Votre âge")] = s.Option("Votre âge", "35 à 49 ans"),
        [s.Field("Êtes-vous originaire")] = s.Option("Êtes-vous originaire", "Oui"),
    };
}
