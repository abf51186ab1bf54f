using Cotravail.Web.Common;
using Cotravail.Web.Common.Images;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Entrepreneurs.Profiles;

/// <summary>« Ma fiche »: the member's own profile, its visibility (consent given or withdrawn, dated), its photo.</summary>
public sealed class MineModel(ProfileEditor editor, DirectoryQuery directory) : LocalizedPage
{
    public Profile? Profile { get; private set; }
    public IReadOnlyList<string> SuggestedSkills { get; private set; } = [];

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Photo { get; set; }

    [BindProperty]
    public bool RemovePhoto { get; set; }

    [TempData]
    public string? Notice { get; set; }

    private string Me => CurrentUser.RequiredId;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var wantsDigest = await editor.WantsDigestAsync(Me, ct);
        Input = Profile is null ? new ProfileInput { Kind = ProfileKind.Person, Visibility = Visibility.Hidden, WantsDigest = wantsDigest }
            : ProfileInput.From(Profile, wantsDigest);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        CheckedImage? image = null;
        byte[]? bytes = null;
        if (Photo is { Length: > 0 })
        {
            if (Photo.Length > ImageCheck.MaxBytes)
            {
                ModelState.AddModelError(nameof(Photo), T["L'image dépasse 2 Mo."]);
            }
            else
            {
                await using var stream = Photo.OpenReadStream();
                bytes = await ImageCheck.ReadLimitedAsync(stream, ct);
                image = ImageCheck.Inspect(bytes, out var error);
                if (image is null)
                {
                    ModelState.AddModelError(nameof(Photo), T[error!]);
                }
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await editor.SaveAsync(Me, Input, image, bytes, RemovePhoto, ct);
        Notice = T["Votre fiche est enregistrée."];
        return Redirect("/annuaire/ma-fiche");
    }

    public async Task<IActionResult> OnPostHideAsync(CancellationToken ct)
    {
        Notice = await editor.HideAsync(Me, ct)
            ? T["Votre fiche est masquée : plus personne ne la voit."]
            : T["Votre fiche était déjà masquée."];
        return Redirect("/annuaire/ma-fiche");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Profile = await editor.MineAsync(Me, ct);
        SuggestedSkills = await directory.PopularSkillsAsync(CurrentUser.Id, 12, ct);
    }
}
