using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Surveys.Take;

/// <summary>Results a manager made public: figures only, free texts are not published.</summary>
public sealed class PublicResultsModel(SurveyQueries queries) : PageModel
{
    public ResultsView View { get; private set; } = null!;
    public Survey Survey => View.Results.Survey;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var survey = await queries.LoadPublishedAsync(slug, ct);
        if (survey is not { ResultsPublic: true })
        {
            return NotFound();
        }
        View = new ResultsView(await queries.ResultsAsync(survey, ct), ShowFreeTexts: false, null, []);
        return Page();
    }
}
