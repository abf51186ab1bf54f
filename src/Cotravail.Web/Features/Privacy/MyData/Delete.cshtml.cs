using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Privacy.MyData;

/// <summary>
/// Deleting one's account: what happens is said first, the password is asked again, and a box must be ticked. The last
/// manager of a network is told to name another one first. Afterwards the person is signed out and gets an e-mail.
/// </summary>
[Authorize]
public sealed class DeleteModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountEraser eraser, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The network whose last manager the person is (the deletion is refused), if any.</summary>
    public string? LastManagedNetwork { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        LastManagedNetwork = await eraser.LastManagedNetworkAsync(user.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        LastManagedNetwork = await eraser.LastManagedNetworkAsync(user.Id, ct);
        if (LastManagedNetwork is not null)
        {
            return Page();
        }
        if (!Input.Confirm)
        {
            ModelState.AddModelError("Input.Confirm", l["Cochez la case pour confirmer la suppression."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError("Input.Password", l["Ce n'est pas votre mot de passe."]);
            return Page();
        }
        var result = await eraser.EraseAsync(user.Id, byRetention: false, ct);
        if (result.Outcome == EraseOutcome.LastManager)
        {
            LastManagedNetwork = result.NetworkName;
            return Page();
        }
        await signIn.SignOutAsync();
        return RedirectToPage("Deleted");
    }

    public sealed class InputModel
    {
        [Display(Name = "Mot de passe")]
        [Required(ErrorMessage = "Indiquez votre mot de passe pour confirmer.")]
        [StringLength(PasswordRules.MaxLength, ErrorMessage = "Le mot de passe ne doit pas dépasser {1} caractères.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Je comprends que mon compte sera supprimé et que cela ne peut pas être annulé.")]
        public bool Confirm { get; set; }
    }
}
