using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>
/// Base of the hosts' agenda pages: the sites the signed-in host runs, and the event of <c>/animation/{id}</c>. Only the
/// hosts of the event's site and the managers of its network get there: another site's event has answered 403 and an
/// unknown one 404 before the handler (<see cref="EventsModule.EventStaff"/>).
/// </summary>
public abstract class StaffEventPage(AppDbContext db, StaffAccess staff) : LocalizedPage
{
    protected AppDbContext Db { get; } = db;
    protected StaffAccess Staff { get; } = staff;

    public IReadOnlyList<Site> MySites { get; private set; } = [];
    public Event Event { get; private set; } = null!;
    public int WaitingCount { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    protected async Task LoadSitesAsync(CancellationToken ct) =>
        MySites = await (await Staff.SitesInScopeAsync(ct)).AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).ToListAsync(ct);

    protected async Task<IActionResult?> LoadEventAsync(int id, CancellationToken ct)
    {
        var e = await Db.Events.Include(x => x.Site).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }
        Event = e;
        WaitingCount = await Db.EventRegistrations.CountAsync(r => r.EventId == id && r.Status == RegistrationStatus.Waitlisted, ct);
        await LoadSitesAsync(ct);
        return null;
    }

    protected void AddError(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        ModelState.AddModelError($"Input.{error.Field}", T[error.Message, error.Args]);
    }
}
