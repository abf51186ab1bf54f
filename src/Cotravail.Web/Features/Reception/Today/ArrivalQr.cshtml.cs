using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Reception.Today;

/// <summary>The day's self check-in QR code of a site, to display or print at the entrance (it changes every day).</summary>
public sealed class ArrivalQrModel(TodayQuery query, ArrivalCodes codes, TimeProvider clock) : LocalizedPage
{
    public Site Site { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public string ArrivalUrl { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var site = await query.SiteBySlugAsync(slug, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        Day = SiteClock.Today(site, clock);
        ArrivalUrl = $"{Request.Scheme}://{Request.Host}/espaces/{site.Slug}/arrivee?code={await codes.CodeAsync(site.Id, Day, ct)}";
        QrDataUri = Qr.SvgDataUri(ArrivalUrl);
        return Page();
    }
}
