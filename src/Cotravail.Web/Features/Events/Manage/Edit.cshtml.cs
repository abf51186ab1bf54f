using Cotravail.Web.Features.Sites;
using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>A host edits an event of their sites, publishes it or takes it back to draft.</summary>
public sealed partial class EditModel(AppDbContext db, StaffAccess staff, EventEditor editor, EventMailer mailer, UserManager<AppUser> users, ILogger<EditModel> logger)
    : StaffEventPage(db, staff)
{
    /// <summary>The member who proposed it, for a proposal.</summary>
    public AppUser? Proposer { get; private set; }

    [BindProperty]
    [Display(Name = "Message au membre")]
    [StringLength(2000, ErrorMessage = "Le message fait au plus 2000 caractères.")]
    public string? DeclineMessage { get; set; }

    [BindProperty]
    public EventInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Input = EventInput.From(Event);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var wasProposal = Event.Status == EventStatus.Proposed;
        Input.Repeat = Repeat.None;
        Input.Occurrences = 1;
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        var site = MySites.FirstOrDefault(s => s.Id == Input.SiteId);
        if (site is null && ModelState.GetFieldValidationState("Input.SiteId") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError("Input.SiteId", T["Choisissez un espace dont vous animez l'agenda."]);
        }
        if (!ModelState.IsValid || site is null)
        {
            return Page();
        }
        var (error, promoted) = await editor.UpdateAsync(Event, Input, site, ct);
        if (error is not null)
        {
            AddError(error);
            return Page();
        }
        if (wasProposal && Event.Status == EventStatus.Published && Proposer?.Email is { } email)
        {
            await MailSafelyAsync(() => mailer.SendProposalPublishedAsync(email, Proposer.DisplayName, Event, ct));
        }
        Notice = promoted > 0
            ? T.Plural(promoted, "L'événement est enregistré ; {0} personne de la liste d'attente a reçu une place.", "L'événement est enregistré ; {0} personnes de la liste d'attente ont reçu une place.")
            : T["L'événement est enregistré."];
        return Redirect($"/animation/{id}");
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Event.Status != EventStatus.Proposed)
        {
            return NotFound();
        }
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(DeclineMessage))
        {
            ModelState.AddModelError(nameof(DeclineMessage), T["Expliquez en quelques mots pourquoi la proposition n'est pas retenue."]);
        }
        else if (DeclineMessage.Length > 2000)
        {
            ModelState.AddModelError(nameof(DeclineMessage), T["Le message fait au plus 2000 caractères."]);
        }
        if (!ModelState.IsValid)
        {
            Input = EventInput.From(Event);
            return Page();
        }
        Event.Status = EventStatus.Declined;
        Event.ReviewMessage = DeclineMessage!.Trim();
        await Db.SaveChangesAsync(ct);
        if (Proposer?.Email is { } email)
        {
            await MailSafelyAsync(() => mailer.SendProposalDeclinedAsync(email, Proposer.DisplayName, Event, Event.ReviewMessage, ct));
        }
        Notice = T["La proposition est déclinée ; le membre a reçu votre message."];
        return Redirect("/animation");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } denied)
        {
            return denied;
        }
        if (Event.Status is EventStatus.Proposed or EventStatus.Declined && Event.CreatedByUserId is { } proposer)
        {
            Proposer = await users.FindByIdAsync(proposer);
        }
        return null;
    }

    private async Task MailSafelyAsync(Func<Task> send)
    {
        try
        {
            await send();
        }
#pragma warning disable CA1031 // the decision is saved; a failing mail server is logged
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogMailFailed(logger, e, Event.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The review of proposal {EventId} is saved but its e-mail could not be sent.")]
    private static partial void LogMailFailed(ILogger logger, Exception e, int eventId);
}
