using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>
/// The people of an event for its hosts: places (with those asked to confirm a new date), waitlist, a form to register
/// someone who phoned, and the attendance sheet (present / absent) once it has begun.
/// </summary>
public sealed class ParticipantsModel(AppDbContext db, StaffAccess staff, PhoneRegistration phoneRegistration, TimeProvider clock) : StaffEventPage(db, staff)
{
    public IReadOnlyList<Registration> People { get; private set; } = [];
    public bool AttendanceOpen { get; private set; }

    /// <summary>Registration id → « present » or « absent ».</summary>
    [BindProperty]
    public Dictionary<int, string> Presence { get; set; } = [];

    /// <summary>A person who phoned to register.</summary>
    [BindProperty]
    public PhoneInput Caller { get; set; } = new();

    /// <summary>Registrations are open to a host's phone call (published, not begun).</summary>
    public bool PhoneOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        ModelState.Clear(); // the caller's form is not part of the attendance sheet
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
        Notice = T["Les présences sont enregistrées : {0}, {1}.",
            T.Plural(confirmed.Count(r => r.Attended == true), "{0} présent", "{0} présents"), T.Plural(confirmed.Count(r => r.Attended == false), "{0} absent", "{0} absents")];
        return Redirect($"/animation/{id}/participants");
    }

    public async Task<IActionResult> OnPostPhoneAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        // Only the caller's form is posted here, and validated in full even when nothing of it was sent.
        ModelState.Clear();
        TryValidateModel(Caller, nameof(Caller));
        ModelState.AddObjectRules(Caller, nameof(Caller), HttpContext.RequestServices);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await phoneRegistration.RegisterAsync(Event, Caller, ct);
        if (result.Registration is not { } r)
        {
            ModelState.AddModelError("", result.Reason is { } reason ? T[reason] : T[result.Message, result.MessageArgs]);
            return Page();
        }
        var placed = r.Status == RegistrationStatus.Waitlisted
            ? T["L'événement est complet : {0} est en position {1} sur la liste d'attente.", r.Name, r.WaitlistPosition ?? 0].Value
            : T["{0} est inscrit·e.", r.Name].Value;
        var told = r.HasEmail
            ? T["Un e-mail de confirmation est parti à {0}.", r.Email].Value
            : T["Sans adresse e-mail, cette personne ne recevra aucun message : rappelez-la au {0} pour le lui dire.", r.Phone ?? ""].Value;
        Notice = $"{placed} {told}";
        return Redirect($"/animation/{id}/participants");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } denied)
        {
            return denied;
        }
        People = await Attendees.ListAsync(Db, id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        AttendanceOpen = now >= Event.StartUtc;
        PhoneOpen = Event.Status == EventStatus.Published && now < Event.StartUtc;
        return null;
    }
}
