using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Accounts.Passwords;

/// <summary>
/// The link of the reset e-mail: choosing a new password. Success also lifts a lockout (the lockout message
/// sends people here) and, through the new security stamp, ends the account's other sessions.
/// </summary>
public sealed class ResetPasswordModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkIsBroken => string.IsNullOrEmpty(Email) || AccountMails.Decode(Code) is null;

    public bool Done { get; private set; }

    public IActionResult OnGet() => LinkIsBroken ? BadLink() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (LinkIsBroken)
        {
            return BadLink();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email!);
        var result = user is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, AccountMails.Decode(Code)!, Input.Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                ModelState.AddModelError("", l["Ce lien n'est pas valide ou a expiré. Demandez-en un nouveau avec « Mot de passe oublié »."]);
            }
            ModelState.AddIdentityErrors(result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidToken)), "Input.Password");
            return Page();
        }
        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        Done = true;
        return Page();
    }

    private PageResult BadLink()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public sealed class InputModel
    {
        [Display(Name = "Nouveau mot de passe")]
        [Required(ErrorMessage = "Choisissez un mot de passe.")]
        [MinLength(PasswordRules.MinLength, ErrorMessage = "Le mot de passe doit contenir au moins {1} caractères.")]
        [MaxLength(PasswordRules.MaxLength, ErrorMessage = "Le mot de passe ne doit pas dépasser {1} caractères.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Confirmer le mot de passe")]
        [Required(ErrorMessage = "Saisissez le mot de passe une seconde fois.")]
        [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
        [DataType(DataType.Password)]
        public string ConfirmPassword { get; set; } = "";
    }
}
