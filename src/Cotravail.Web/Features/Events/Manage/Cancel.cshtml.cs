using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Events.Cancellation;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>
/// A host cancels an event or a coaching slot of their sites: a reason, then a confirmation that says who will be told;
/// on confirmation everyone registered or waiting gets an e-mail with the reason (<see cref="EventCancellations"/>).
/// </summary>
public sealed class CancelModel(AppDbContext db, StaffAccess staff, EventCancellations cancellations, TimeProvider clock) : StaffEventPage(db, staff)
{
    [BindProperty]
    [Display(Name = "Raison de l'annulation")]
    public string? Reason { get; set; }

    /// <summary>The reason is given: the page asks to confirm.</summary>
    public bool Confirming { get; private set; }

    /// <summary>Why it cannot be cancelled (already cancelled, begun, a proposal), or null.</summary>
    public string? Refusal { get; private set; }

    /// <summary>People holding a place on a paid event (their registrations will not be invoiced).</summary>
    public int PaidCount { get; private set; }

    /// <summary>Guests who never confirmed their address: cancelled too, not written to.</summary>
    public int PendingCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    /// <summary>Checks the reason and shows what the cancellation will do.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Confirming = Refusal is null && CheckReason();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Refusal is not null || !CheckReason())
        {
            return Page();
        }
        var result = await cancellations.CancelAsync(id, Reason!, ct);
        if (result.Refusal is { } refusal)
        {
            Refusal = refusal;
            ModelState.AddModelError("", T[refusal]);
            return Page();
        }
        Notice = T["L'événement est annulé ; {0} personnes inscrites ou en liste d'attente ont reçu un e-mail avec la raison.", result.Told.Count];
        return Redirect($"/animation/{id}");
    }

    private bool CheckReason()
    {
        ModelState.Remove(nameof(Reason));
        if (EventCancellations.CheckReason(Reason) is { } problem)
        {
            ModelState.AddModelError(nameof(Reason), T[problem]);
            return false;
        }
        Reason = Reason!.Trim();
        return true;
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Refusal = Event.Status switch
        {
            EventStatus.Cancelled => "Cet événement est déjà annulé.",
            EventStatus.Proposed or EventStatus.Declined => new CancellationResult(CancellationOutcome.Proposal).Refusal,
            _ when Event.StartUtc <= Now => new CancellationResult(CancellationOutcome.Started).Refusal,
            _ => null,
        };
        var active = Db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id);
        PaidCount = await active.CountAsync(r => r.Status == RegistrationStatus.Confirmed && r.PriceCents > 0, ct);
        PendingCount = await active.CountAsync(r => r.Status == RegistrationStatus.Pending, ct);
        return null;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
