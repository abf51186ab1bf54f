using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Accounts.Passwords;

/// <summary>
/// Changing the password (linked from « Mon compte », <c>/compte</c>). The change gives the account a new security
/// stamp, so its other sessions end at their next check; this session is signed in again with the new stamp.
/// </summary>
[Authorize]
public sealed class ChangePasswordModel(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public const string ChangedNotice = "Votre mot de passe a été modifié.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync() => await users.GetUserAsync(User) is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // ChangePasswordAsync renews the security stamp (as UpdateSecurityStampAsync would): other sessions end.
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError("Input.CurrentPassword", l["Ce n'est pas votre mot de passe actuel."]);
            }
            ModelState.AddIdentityErrors(result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)), "Input.NewPassword");
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Notice = ChangedNotice;
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Display(Name = "Mot de passe actuel")]
        [Required(ErrorMessage = "Indiquez votre mot de passe actuel.")]
        [StringLength(PasswordRules.MaxLength, ErrorMessage = "Le mot de passe ne doit pas dépasser {1} caractères.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Display(Name = "Nouveau mot de passe")]
        [Required(ErrorMessage = "Choisissez un nouveau mot de passe.")]
        [MinLength(PasswordRules.MinLength, ErrorMessage = "Le mot de passe doit contenir au moins {1} caractères.")]
        [MaxLength(PasswordRules.MaxLength, ErrorMessage = "Le mot de passe ne doit pas dépasser {1} caractères.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Display(Name = "Confirmer le nouveau mot de passe")]
        [Required(ErrorMessage = "Saisissez le nouveau mot de passe une seconde fois.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
