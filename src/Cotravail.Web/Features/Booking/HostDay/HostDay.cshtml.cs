using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.HostDay;

/// <summary>
/// The bookings of one site on one day, with names and e-mails, for the site's hosts and its network's managers
/// (the Host policy lets hosts and managers in; another site's host gets 403).
/// </summary>
public sealed class HostDayModel(AppDbContext db, TimeProvider clock) : LocalizedPage
{
    public sealed record Row(string Resource, Booking Booking, string Name, string Email);

    public Site Site { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public DateOnly Today { get; private set; }
    public string? DateError { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string DayUrl(DateOnly day) => $"/accueil/{Site.Slug}/reservations?date={DayText.Iso(day)}";

    public async Task<IActionResult> OnGetAsync(string slug, string? date, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().Include(s => s.Resources)
            .FirstOrDefaultAsync(s => s.Slug == slug && !s.IsArchived, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        Today = SiteClock.Today(site, clock);
        Day = Today;
        if (!string.IsNullOrEmpty(date))
        {
            if (!DayText.TryParse(date, out var day))
            {
                DateError = T["« {0} » n'est pas une date valide : voici les réservations d'aujourd'hui.", DayText.Cut(date)];
            }
            else if (!DayText.IsReasonable(day, Today))
            {
                DateError = T["Cette date est trop éloignée : voici les réservations d'aujourd'hui."];
            }
            else
            {
                Day = day;
            }
        }
        var bookings = await db.Bookings.AsNoTracking().Include(b => b.Resource).Include(b => b.User)
            .Where(b => b.SiteId == site.Id && b.Date == Day).ToListAsync(ct);
        Rows = [.. bookings
            .OrderBy(b => b.Resource?.SortOrder).ThenBy(b => b.ResourceId).ThenBy(b => b.LocalStart)
            .ThenBy(b => b.User?.DisplayName, StringComparer.CurrentCulture)
            .Select(b => new Row(b.Resource?.Name ?? "", b, b.User?.DisplayName ?? "", b.User?.Email ?? ""))];
        return Page();
    }
}
