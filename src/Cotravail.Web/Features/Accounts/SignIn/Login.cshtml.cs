using Cotravail.Web.Common.Security.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using IdentitySignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Cotravail.Web.Features.Accounts.SignIn;

/// <summary>
/// Signing in with e-mail and password. Failures count towards the lockout. That the address is not confirmed
/// yet is said only to whoever gave the right password.
/// </summary>
[RateLimited(RateLimitPolicies.Login)]
public sealed class LoginModel(
    SignInManager<AppUser> signIn, IOptions<IdentityOptions> identity, IStringLocalizer<SharedResource> l,
    TwoFactor.ManagerTwoFactor managers) : PageModel, IRateLimitedAccount
{
    string? IRateLimitedAccount.RateLimitAccount => Input.Email;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The password was right but the address is not confirmed: offer to send the e-mail again.</summary>
    public bool EmailNotConfirmed { get; private set; }

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
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage(AccountPages.LoginTwoFactor, new { ReturnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, Input.RememberMe });
        }
        if (result.IsNotAllowed)
        {
            result = await CheckUnconfirmedAsync(email);
        }
        if (result.IsLockedOut)
        {
            var minutes = (int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);
            ModelState.AddModelError("", l["Ce compte est verrouillé pendant {0} minutes après plusieurs essais infructueux. Réessayez plus tard, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ».", minutes]);
        }
        else if (!EmailNotConfirmed)
        {
            ModelState.AddModelError("", l["Adresse e-mail ou mot de passe incorrect."]);
        }
        return Page();
    }

    /// <summary>
    /// Identity refuses an unconfirmed account before it looks at the password. Here the password is checked
    /// (a wrong one counts as a failed attempt), so that only the account's owner learns it awaits confirmation.
    /// </summary>
    private async Task<IdentitySignInResult> CheckUnconfirmedAsync(string email)
    {
        var users = signIn.UserManager;
        if (await users.FindByNameAsync(email) is not { EmailConfirmed: false } user)
        {
            return IdentitySignInResult.Failed;
        }
        if (await users.IsLockedOutAsync(user))
        {
            return IdentitySignInResult.LockedOut;
        }
        if (await users.CheckPasswordAsync(user, Input.Password))
        {
            EmailNotConfirmed = true;
            return IdentitySignInResult.NotAllowed;
        }
        await users.AccessFailedAsync(user);
        return await users.IsLockedOutAsync(user)
            ? IdentitySignInResult.LockedOut
            : IdentitySignInResult.Failed;
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
