using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>A host edits an event of their sites, publishes it or takes it back to draft.</summary>
public sealed class EditModel(AppDbContext db, EventScope scope, EventEditor editor) : StaffEventPage(db, scope)
{
    [BindProperty]
    public EventInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Input = EventInput.From(Event);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadEventAsync(id, ct) is { } denied)
        {
            return denied;
        }
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
        Notice = promoted > 0
            ? T["L'événement est enregistré ; {0} personnes de la liste d'attente ont reçu une place.", promoted]
            : T["L'événement est enregistré."];
        return Redirect($"/animation/{id}");
    }
}
