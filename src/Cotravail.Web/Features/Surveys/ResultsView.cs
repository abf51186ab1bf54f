namespace Cotravail.Web.Features.Surveys;

/// <summary>What the results partial draws: the results, whether free texts are listed (managers only), an optional cross-tabulation.</summary>
public sealed record ResultsView(SurveyResults Results, bool ShowFreeTexts, SurveyQuestion? CrossBy, IReadOnlyList<CrossTab> Cross);
