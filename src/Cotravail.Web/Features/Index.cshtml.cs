using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features;

/// <summary>The public home page: the network's sites with what a visitor needs to choose one.</summary>
public sealed class IndexModel(AppDbContext db, Surveys.SurveyQueries surveys) : PageModel
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<Surveys.Survey> OpenSurveys { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sites = await SiteQueries.ListPublicAsync(db, ct);
        OpenSurveys = await surveys.OpenAsync(ct);
    }
}
