using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>The agenda of the sites a host runs: drafts and coming events, with their places and waitlists.</summary>
public sealed class IndexModel(AppDbContext db, StaffAccess staff, TimeProvider clock) : StaffEventPage(db, staff)
{
    public IReadOnlyList<Event> Events { get; private set; } = [];
    public IReadOnlyList<Event> Proposals { get; private set; } = [];

    public async Task OnGetAsync(bool passes, CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        ShowPast = passes;
        var ids = MySites.Select(s => s.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        Proposals = await Db.Events.AsNoTracking().Include(e => e.Site)
            .Where(e => ids.Contains(e.SiteId) && e.Status == EventStatus.Proposed).OrderBy(e => e.StartUtc).ToListAsync(ct);
        var query = Db.Events.AsNoTracking().Include(e => e.Site)
            .Where(e => ids.Contains(e.SiteId) && e.Status != EventStatus.Proposed && e.Status != EventStatus.Declined);
        query = passes ? query.Where(e => e.EndUtc <= now).OrderByDescending(e => e.StartUtc) : query.Where(e => e.EndUtc > now).OrderBy(e => e.StartUtc);
        Events = await query.Take(200).ToListAsync(ct);
    }

    public bool ShowPast { get; private set; }
}
