using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys.Manage;

/// <summary>A manager starts a survey (a draft) in one of their networks.</summary>
public sealed class CreateModel(AppDbContext db, StaffAccess staff, TimeProvider clock) : LocalizedPage
{
    public sealed class NewSurveyInput
    {
        [Display(Name = "Titre de l'enquête")]
        [Required(ErrorMessage = "Le titre est obligatoire.")]
        [StringLength(200, ErrorMessage = "Le titre fait au plus 200 caractères.")]
        public string? Title { get; set; }

        [Display(Name = "Présentation (affichée avant la première question)")]
        [StringLength(4000, ErrorMessage = "La présentation fait au plus 4000 caractères.")]
        public string? Description { get; set; }
    }

    [BindProperty]
    public NewSurveyInput Input { get; set; } = new();

    [BindProperty]
    public int NetworkId { get; set; }

    public List<SelectListItem> Networks { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadNetworksAsync(ct);
        return Networks.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadNetworksAsync(ct);
        if (Networks.Count == 0)
        {
            return Forbid();
        }
        if (Networks.Count == 1)
        {
            NetworkId = int.Parse(Networks[0].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!Networks.Any(n => n.Value == NetworkId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError(nameof(NetworkId), T["Choisissez un de vos réseaux."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var survey = new Survey
        {
            NetworkId = NetworkId, Title = Input.Title!.Trim(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Replace("\r", "", StringComparison.Ordinal).Trim(),
        };
        var slug = Slug.From(survey.Title);
        survey.Slug = slug;
        for (var i = 2; await db.Surveys.AnyAsync(s => s.Slug == survey.Slug, ct); i++)
        {
            survey.Slug = $"{slug}-{i}";
        }
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        Notice = T["L'enquête « {0} » est créée (brouillon). Ajoutez ses questions, puis publiez-la.", survey.Title];
        return Redirect($"/gestion/enquetes/{survey.Id}");
    }

    private async Task LoadNetworksAsync(CancellationToken ct)
    {
        var ids = await staff.ManagedNetworkIdsAsync(ct);
        Networks = await db.Networks.Where(n => ids.Contains(n.Id)).OrderBy(n => n.Name)
            .Select(n => new SelectListItem(n.Name, n.Id.ToString()))
            .ToListAsync(ct);
    }
}
