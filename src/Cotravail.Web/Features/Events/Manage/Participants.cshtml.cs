using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>The people of an event for its hosts: places, waitlist, and the attendance sheet (present / absent) once it has begun.</summary>
public sealed class ParticipantsModel(AppDbContext db, StaffAccess staff, TimeProvider clock) : StaffEventPage(db, staff)
{
    public IReadOnlyList<Registration> People { get; private set; } = [];
    public bool AttendanceOpen { get; private set; }

    /// <summary>Registration id → « present » or « absent ».</summary>
    [BindProperty]
    public Dictionary<int, string> Presence { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (!AttendanceOpen)
        {
            ModelState.AddModelError("", T["La feuille de présence s'ouvre au début de l'événement."]);
            return Page();
        }
        var confirmed = await Db.EventRegistrations
            .Where(r => r.EventId == id && r.Status == RegistrationStatus.Confirmed).ToListAsync(ct);
        foreach (var r in confirmed)
        {
            if (Presence.TryGetValue(r.Id, out var value))
            {
                r.Attended = value switch { "present" => true, "absent" => false, _ => r.Attended };
            }
        }
        await Db.SaveChangesAsync(ct);
        Notice = T["Les présences sont enregistrées : {0} présents, {1} absents.",
            confirmed.Count(r => r.Attended == true), confirmed.Count(r => r.Attended == false)];
        return Redirect($"/animation/{id}/participants");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } denied)
        {
            return denied;
        }
        People = await Attendees.ListAsync(Db, id, ct);
        AttendanceOpen = clock.GetUtcNow().UtcDateTime >= Event.StartUtc;
        return null;
    }
}
