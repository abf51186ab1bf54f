using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Events.Ratings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>The organiser's view of the ratings of an event: how many, the average, each score's count, the comments.</summary>
public sealed class RatingsModel(AppDbContext db, StaffAccess staff) : StaffEventPage(db, staff)
{
    public IReadOnlyList<EventRating> Ratings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Ratings = await Db.EventRatings.AsNoTracking().Where(r => r.EventId == id).OrderByDescending(r => r.CreatedAtUtc).ToListAsync(ct);
        return Page();
    }
}
