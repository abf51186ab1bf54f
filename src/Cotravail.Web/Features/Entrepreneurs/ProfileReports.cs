using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>Reports by members, handled by managers: dismissed, or the profile or listing hidden.</summary>
public static class ProfileReports
{
    public const int MaxReason = 1000;

    public static async Task AddAsync(AppDbContext db, string reporterId, int? profileId, int? listingId, string reason, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Reports().Add(new Report { ReporterUserId = reporterId, ProfileId = profileId, ListingId = listingId, Reason = reason.Trim(), CreatedAtUtc = now });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Handles an open report; false when it is unknown or already handled.</summary>
    public static async Task<bool> HandleAsync(AppDbContext db, int reportId, bool hide, string managerId, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var report = await db.Reports().FirstOrDefaultAsync(r => r.Id == reportId && r.Outcome == ReportOutcome.Open, ct);
        if (report is null)
        {
            return false;
        }
        report.Outcome = hide ? ReportOutcome.Hidden : ReportOutcome.Dismissed;
        report.HandledAtUtc = now;
        report.HandledByUserId = managerId;
        if (hide && report.ListingId is { } listingId)
        {
            await db.Listings().Where(l => l.Id == listingId).ExecuteUpdateAsync(s => s.SetProperty(l => l.IsHidden, true), ct);
        }
        else if (hide && report.ProfileId is { } profileId)
        {
            await db.Profiles().Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsSuspended, true), ct);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
