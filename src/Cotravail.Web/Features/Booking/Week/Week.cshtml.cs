using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Booking.Week;

/// <summary>A site's availability for a week, for everyone: counts of free places and free time ranges, never names.</summary>
public sealed class WeekModel(AppDbContext db, AvailabilityQuery availability, StaffScope scope, TimeProvider clock) : LocalizedPage
{
    public Site Site { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public DateOnly Monday { get; private set; }
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public IReadOnlyList<ResourceAvailability> Resources { get; private set; } = [];

    /// <summary>Cells[resource][day], in the order of <see cref="Resources"/> and <see cref="Days"/>.</summary>
    public IReadOnlyList<IReadOnlyList<WeekCell>> Cells { get; private set; } = [];

    public string? DateError { get; private set; }
    public bool CanBook { get; private set; }

    /// <summary>A host of the site or a manager of its network: offered the day's bookings with names.</summary>
    public bool IsStaff { get; private set; }
    public bool HasPrevious => Monday > Today;
    public bool HasNext => Monday.AddDays(7) <= Today.AddDays(Site.BookingHorizonDays);

    public string WeekUrl(DateOnly monday) => $"/espaces/{Site.Slug}/disponibilites?du={DayText.Iso(monday)}";

    public string LoginUrl => "/compte/connexion?ReturnUrl=" + Uri.EscapeDataString(WeekUrl(Monday));

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "du")] string? from, CancellationToken ct)
    {
        var site = await SiteQueries.LoadPublicAsync(db, s => s.Slug == slug, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        Today = SiteClock.Today(site, clock);
        var day = Today;
        if (!string.IsNullOrEmpty(from))
        {
            if (!DayText.TryParse(from, out day))
            {
                DateError = T["« {0} » n'est pas une date valide : voici la semaine en cours.", DayText.Cut(from)];
                day = Today;
            }
            else if (!DayText.IsReasonable(day, Today))
            {
                DateError = T["Cette date est trop éloignée : voici la semaine en cours."];
                day = Today;
            }
        }
        Monday = DayText.Monday(day);
        Days = [.. Enumerable.Range(0, 7).Select(i => Monday.AddDays(i))];
        var week = await availability.ComputeAsync(site, Monday, Monday.AddDays(6), ct);
        Resources = week.Resources;
        CanBook = User.Identity?.IsAuthenticated == true;
        IsStaff = CanBook && await scope.HostsSiteAsync(User, site.Id, ct);
        Cells = [.. Resources.Select(r => (IReadOnlyList<WeekCell>)[.. r.Days.Select(d => WeekCell.Build(T, r, d, CanBook))])];
        return Page();
    }
}
