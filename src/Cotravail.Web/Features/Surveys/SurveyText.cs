using System.Globalization;

namespace Cotravail.Web.Features.Surveys;

/// <summary>How surveys write their kinds, states and percentages (French keys, translated by the pages).</summary>
public static class SurveyText
{
    public static string French(this QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "Choix unique",
        QuestionKind.MultipleChoice => "Choix multiple",
        QuestionKind.Scale => "Note de 1 à 5",
        QuestionKind.Number => "Nombre",
        QuestionKind.ShortText => "Texte court",
        QuestionKind.LongText => "Texte long",
        _ => "Code postal",
    };

    public static string French(this SurveyState state) => state switch
    {
        SurveyState.Draft => "Brouillon",
        SurveyState.NotYetOpen => "Publiée, pas encore ouverte",
        SurveyState.Open => "Ouverte",
        _ => "Close",
    };

    /// <summary>« 38 % », « 26,7 % » (one decimal at most, no-break space before the sign in French).</summary>
    public static string Percent(double value) =>
        CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr"
            ? value.ToString("0.#", CultureInfo.CurrentCulture) + "\u00a0%"
            : value.ToString("0.#", CultureInfo.CurrentCulture) + "%";

    public static string Decimal(double value) => value.ToString("0.#", CultureInfo.CurrentCulture);
}
