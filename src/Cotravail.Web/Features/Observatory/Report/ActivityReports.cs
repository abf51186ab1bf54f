using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>A network as the report names it.</summary>
public sealed record ReportNetwork(int Id, string Name, string Slug, string LegalName, string? EpciSiren);

/// <summary>
/// Makes the reports: the figures of a network (or one of its sites) over a period and the same days a year before
/// (<see cref="YearOnYear"/>), as a PDF; publishes the public version of a network's report and withdraws it.
/// </summary>
public sealed class ActivityReports(AppDbContext db, YearOnYear yearOnYear, TimeProvider clock)
{
    /// <summary>The networks among <paramref name="ids"/>, by name (the first is the default choice).</summary>
    public Task<List<ReportNetwork>> NetworksAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.Networks.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.Name).ThenBy(n => n.Id)
            .Select(n => new ReportNetwork(n.Id, n.Name, n.Slug, n.LegalName, n.EpciSiren)).ToListAsync(ct);

    public async Task<ActivityReport> BuildAsync(
        ReportNetwork network, SiteChoice? site, DateOnly from, DateOnly to, bool isPublic, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(network);
        var sites = await db.Sites.CountAsync(s => s.NetworkId == network.Id, ct);
        // Sites one by one (the report lists the most visited), unless the network is too large to read them so.
        var figures = await yearOnYear.ComputeAsync([network.Id], site?.Id, from, to, ct, perSite: sites <= SiteChoice.ListedUpTo);
        var today = Billing.Entitlements.ParisDay.Today(clock);
        return ActivityReport.Of(network.Name, network.LegalName, site?.Name, figures, isPublic, today) with
        {
            EpciName = network.EpciSiren is { } siren ? Common.Communes.EpciName(siren) ?? siren : null,
        };
    }

    public async Task<byte[]> RenderAsync(ReportNetwork network, SiteChoice? site, DateOnly from, DateOnly to, bool isPublic, CancellationToken ct) =>
        ActivityReportPdf.Render(await BuildAsync(network, site, from, to, isPublic, ct));

    /// <summary>
    /// Publishes the public report of the network over the period, or says why not (nothing happened then). A report of the
    /// same period still published is withdrawn: the new one, with the figures of today, replaces it.
    /// </summary>
    public async Task<(PublishedReport? Report, string? Refusal)> PublishAsync(
        ReportNetwork network, DateOnly from, DateOnly to, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(network);
        var report = await BuildAsync(network, null, from, to, isPublic: true, ct);
        if (report.IsEmpty)
        {
            return (null, ActivityReport.NoActivity + " : il n'y a rien à publier.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var published = new PublishedReport
        {
            NetworkId = network.Id, From = from, To = to, Content = ActivityReportPdf.Render(report),
            PublishedAtUtc = now, PublishedById = userId,
        };
        foreach (var older in await db.PublishedReports().Where(r => r.NetworkId == network.Id && r.SiteId == null
            && r.From == from && r.To == to && r.WithdrawnAtUtc == null).ToListAsync(ct))
        {
            (older.WithdrawnAtUtc, older.WithdrawnById) = (now, userId);
        }
        db.PublishedReports().Add(published);
        await db.SaveChangesAsync(ct);
        return (published, null);
    }

    /// <summary>Withdraws a published report of one of <paramref name="networks"/>; false when there is none such.</summary>
    public async Task<bool> WithdrawAsync(int id, IReadOnlyCollection<int> networks, string userId, CancellationToken ct)
    {
        var report = await db.PublishedReports().FirstOrDefaultAsync(r => r.Id == id && networks.Contains(r.NetworkId), ct);
        if (report is null)
        {
            return false;
        }
        if (report.WithdrawnAtUtc is null)
        {
            (report.WithdrawnAtUtc, report.WithdrawnById) = (clock.GetUtcNow().UtcDateTime, userId);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }
}
