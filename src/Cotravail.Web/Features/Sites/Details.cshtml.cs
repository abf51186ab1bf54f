using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Web.Features.Sites;

/// <summary>Everything about one site, for the public: with its photos and its place on a map.</summary>
public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Site Site { get; private set; } = null!;
    public IReadOnlyList<Closure> UpcomingClosures { get; private set; } = [];
    public IReadOnlyList<SitePhotoView> Photos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var site = await SiteQueries.LoadPublicAsync(db, s => s.Slug == slug, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        UpcomingClosures = SiteCalendar.UpcomingClosures(site, SiteClock.Today(site, clock), 120);
        Photos = await SitePhotoQueries.OfSiteAsync(db, site.Id, ct);
        return Page();
    }
}
