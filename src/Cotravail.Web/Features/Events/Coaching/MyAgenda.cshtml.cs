using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Coaching;

/// <summary>The adviser's agenda: their coming coaching slots, and who booked each one.</summary>
[Authorize(Policy = Roles.Host)]
public sealed class MyAgendaModel(AppDbContext db, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<(Event Slot, Registration? Member)> Slots { get; private set; } = [];

    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = CurrentUser.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var slots = await db.Events.AsNoTracking().Include(e => e.Site)
            .Where(e => e.CreatedByUserId == me && e.Kind == EventKind.Coaching && e.EndUtc > now && e.Status == EventStatus.Published)
            .OrderBy(e => e.StartUtc).Take(200).ToListAsync(ct);
        var ids = slots.Select(e => e.Id).ToList();
        var booked = await db.EventRegistrations.AsNoTracking()
            .Where(r => ids.Contains(r.EventId) && r.Status == RegistrationStatus.Confirmed).ToListAsync(ct);
        Slots = [.. slots.Select(e => (e, booked.FirstOrDefault(r => r.EventId == e.Id)))];
    }
}
