using Cotravail.Web.Features.Sites;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Events.Manage;

/// <summary>A host creates an event for one of their sites, once or on several dates (each its own event).</summary>
public sealed class CreateModel(AppDbContext db, StaffAccess staff, EventEditor editor, TimeProvider clock) : StaffEventPage(db, staff)
{
    [BindProperty]
    public EventInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
        Input.SiteId = MySites.FirstOrDefault()?.Id;
        Input.Date = DateOnly.FromDateTime(clock.GetLocalNow().DateTime).AddDays(14);
        Input.StartTime = new TimeOnly(18, 0);
        Input.EndTime = new TimeOnly(20, 0);
        Input.Capacity = 12;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadSitesAsync(ct);
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
        var (created, error) = await editor.CreateAsync(Input, site, CurrentUser.RequiredId, ct);
        if (error is not null)
        {
            AddError(error);
            return Page();
        }
        Notice = created.Count == 1
            ? T["L'événement « {0} » est enregistré.", Input.Title!]
            : T["{0} dates de « {1} » sont enregistrées.", created.Count, Input.Title!];
        return Redirect(created.Count == 1 ? $"/animation/{created[0].Id}" : "/animation");
    }
}
