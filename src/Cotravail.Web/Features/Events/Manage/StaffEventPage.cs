using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>
/// Base of the hosts' agenda pages: the sites the signed-in host runs, and the event only when it belongs to one
/// of them (another site's event answers 403, an unknown one 404).
/// </summary>
public abstract class StaffEventPage(AppDbContext db, EventScope scope) : LocalizedPage
{
    protected AppDbContext Db { get; } = db;
    protected EventScope Scope { get; } = scope;

    public IReadOnlyList<Site> MySites { get; private set; } = [];
    public Event Event { get; private set; } = null!;
    public int WaitingCount { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    protected async Task LoadSitesAsync(CancellationToken ct) => MySites = await Scope.SitesAsync(User, ct);

    protected async Task<IActionResult?> LoadEventAsync(int id, CancellationToken ct)
    {
        var e = await Db.Events.Include(x => x.Site).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return NotFound();
        }
        if (!await Scope.RunsSiteAsync(User, e.SiteId, ct))
        {
            return Forbid();
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
