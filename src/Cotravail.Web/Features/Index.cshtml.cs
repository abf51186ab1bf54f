using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Sites.Map;
using Cotravail.Web.Features.Sites.Photos;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features;

/// <summary>The public home page: the network's sites with what a visitor needs to choose one, their main photos and a map.</summary>
public sealed class IndexModel(AppDbContext db, Surveys.SurveyQueries surveys) : PageModel
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<Surveys.Survey> OpenSurveys { get; private set; } = [];

    /// <summary>The main (first) photo of each site that has one.</summary>
    public IReadOnlyDictionary<int, SitePhotoView> MainPhotos { get; private set; } = new Dictionary<int, SitePhotoView>();

    public IReadOnlyList<MapPlace> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Sites = await SiteQueries.ListPublicAsync(db, ct);
        MainPhotos = (await SitePhotoQueries.OfSitesAsync(db, Sites.Select(s => s.Id).ToList(), ct)).ToDictionary(p => p.Key, p => p.Value[0]);
        Places = Sites.Select(MapPlace.Of).OfType<MapPlace>().ToList();
        OpenSurveys = await surveys.OpenAsync(ct);
    }
}
