using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.MySpace;

/// <summary>The one query behind « Mon espace » and <c>GET /api/v1/me/summary</c>, for the person signed in.</summary>
public sealed class MySummaryQuery(AppDbContext db, CurrentUser me, MemberBlocks member, StaffBlocks staff)
{
    public async Task<MySummary> LoadAsync(CancellationToken ct)
    {
        var userId = me.RequiredId;
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.FirstName).FirstOrDefaultAsync(ct) ?? "";
        var (bookings, upcoming, hasBooked) = await member.BookingsAsync(userId, ct);
        var (signups, upcomingSignups) = await member.SignupsAsync(userId, ct);
        return new MySummary(
            name, bookings, upcoming, hasBooked, await member.DiscoveryAvailableAsync(userId, ct), await member.DaysLeftAsync(userId, ct),
            await member.DueAsync(userId, ct), signups, upcomingSignups,
            await staff.SitesTodayAsync(ct), await staff.NetworkWeeksAsync(ct));
    }
}
