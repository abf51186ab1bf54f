using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Events.Moving;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>
/// A host moves an event to a new date and time: the form, then a summary of who will be told, then the move
/// (<see cref="EventMover"/>). The people holding a place are asked to confirm; those waiting are told the new date.
/// </summary>
public sealed class MoveModel(AppDbContext db, StaffAccess staff, EventMover mover, TimeProvider clock) : StaffEventPage(db, staff)
{
    [BindProperty]
    public MoveInput Input { get; set; } = new();

    /// <summary>Set by the summary's button: the host has seen who will be told.</summary>
    [BindProperty]
    public bool Confirm { get; set; }

    /// <summary>Why this event cannot move (cancelled, begun), or null.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The new times are valid: the summary is shown.</summary>
    public bool Preview { get; private set; }
    public string NewWhen { get; private set; } = "";
    public int Registrants { get; private set; }
    public int Waitlisted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Input = MoveInput.From(Event);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Refusal is not null)
        {
            return Page();
        }
        // Validated in full even when nothing of it was sent.
        ModelState.Clear();
        TryValidateModel(Input, nameof(Input));
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var full = (await mover.LoadAsync(id, ct))!;
        var (start, end, problem) = mover.Check(full, Input);
        if (problem is null && !Confirm)
        {
            var moved = new Event { StartUtc = start, EndUtc = end, Site = full.Site };
            NewWhen = EventTimes.When(moved);
            Preview = true;
            return Page();
        }
        var result = problem is null ? await mover.MoveAsync(full, Input, ct) : new MoveResult(problem);
        if (result.Problem is { } p)
        {
            ModelState.AddModelError(p.Field is null ? "" : $"Input.{p.Field}", T[p.Message, p.Args]);
            return Page();
        }
        Notice = T["L'événement est déplacé. {0} personnes inscrites sont invitées à confirmer, {1} personnes en liste d'attente sont prévenues.",
            result.AskedToConfirm, result.Waitlisted];
        return Redirect($"/animation/{id}/participants");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } denied)
        {
            return denied;
        }
        (Registrants, Waitlisted) = await mover.CountAsync(id, ct);
        if (MoveRules.CannotMove(Event, clock.GetUtcNow().UtcDateTime) is { } cannot)
        {
            Refusal = T[cannot.Message, cannot.Args];
        }
        return null;
    }
}
