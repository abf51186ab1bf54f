using Cotravail.Web.Common.Security.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Accounts.SignIn;

/// <summary>
/// Signing in with e-mail and password. Failures count towards the lockout. An unknown address, a wrong password and an
/// account whose address is not confirmed yet get the same answer (<see cref="AppSignInManager"/>); the latter, given
/// the right password, is sent a new confirmation message.
/// </summary>
[RateLimited(RateLimitPolicies.Login)]
public sealed class LoginModel(
    SignInManager<AppUser> signIn, IOptions<IdentityOptions> identity, IStringLocalizer<SharedResource> l,
    TwoFactor.ManagerTwoFactor managers) : PageModel, IRateLimitedAccount
{
    /// <summary>Where signing in leads without a local return address: « Mon espace » (ADR 0045).</summary>
    public const string Home = "/mon-espace";

    string? IRateLimitedAccount.RateLimitAccount => Input.Email;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The attempt failed (whatever the reason): the page reminds that a new account must be confirmed first.</summary>
    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var result = await signIn.PasswordSignInAsync(email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // A manager without two-factor authentication sets it up first.
            if (managers.Required && await signIn.UserManager.FindByNameAsync(email) is { TwoFactorEnabled: false } user
                && await signIn.UserManager.IsInRoleAsync(user, Roles.Manager))
            {
                return LocalRedirect(TwoFactor.ManagerTwoFactor.SetupPath);
            }
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : LoginModel.Home);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage(AccountPages.LoginTwoFactor, new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, Input.RememberMe });
        }
        Failed = true;
        if (result.IsLockedOut)
        {
            var minutes = (int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);
            ModelState.AddModelError("", l["Ce compte est verrouillé pendant {0} minutes après plusieurs essais infructueux. Réessayez plus tard, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ».", minutes]);
        }
        else
        {
            ModelState.AddModelError("", l["Adresse e-mail ou mot de passe incorrect."]);
        }
        return Page();
    }
    public sealed class InputModel
    {
        [Display(Name = "Adresse e-mail")]
        [Required(ErrorMessage = "Indiquez votre adresse e-mail.")]
        [StringLength(256, ErrorMessage = "L'adresse e-mail ne doit pas dépasser {1} caractères.")]
        public string Email { get; set; } = "";

        [Display(Name = "Mot de passe")]
        [Required(ErrorMessage = "Indiquez votre mot de passe.")]
        [StringLength(PasswordRules.MaxLength, ErrorMessage = "Le mot de passe ne doit pas dépasser {1} caractères.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Rester connecté·e")]
        public bool RememberMe { get; set; }
    }
}
