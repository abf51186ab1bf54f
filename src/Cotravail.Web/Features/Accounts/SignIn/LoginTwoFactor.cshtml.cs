using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common.Security.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Cotravail.Web.Features.Accounts.TwoFactor;

namespace Cotravail.Web.Features.Accounts.SignIn;

/// <summary>
/// The second step of signing in, once the password was right: the authenticator app's code, or one of the
/// recovery codes. Wrong codes count towards the lockout, and attempts towards the sign-in rate limit.
/// </summary>
[RateLimited(RateLimitPolicies.Login)]
public sealed class LoginTwoFactorModel(
    SignInManager<AppUser> signIn, IOptions<IdentityOptions> identity, IStringLocalizer<SharedResource> l) : PageModel, IRateLimitedAccount
{
    private AppUser? _user;

    string? IRateLimitedAccount.RateLimitAccount => _user?.Email;

    [BindProperty]
    [Display(Name = "Code de vérification")]
    [Required(ErrorMessage = "Indiquez le code de l'application, ou un code de secours.")]
    [StringLength(32, ErrorMessage = "Ce code est trop long.")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    [NonHandler] // a filter of the page, not a handler answering the HTTP method « PAGE »
    public override async Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
    {
        // Known before the rate limit is counted, so that the account's counter is the one of the first step.
        _user = await signIn.GetTwoFactorAuthenticationUserAsync();
    }

    public IActionResult OnGet() => _user is null ? RedirectToPage(AccountPages.Login) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (_user is null)
        {
            return RedirectToPage(AccountPages.Login);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Totp.Clean(Code);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(Code));
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : LoginModel.Home);
        }
        if (result.IsLockedOut)
        {
            var minutes = (int)Math.Ceiling(identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes);
            ModelState.AddModelError("", l["Ce compte est verrouillé pendant {0} minutes après plusieurs essais infructueux. Réessayez plus tard, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ».", minutes]);
        }
        else
        {
            ModelState.AddModelError(nameof(Code), l["Ce code n'est pas valide. Tapez le code affiché en ce moment par l'application, ou un code de secours pas encore utilisé."]);
        }
        return Page();
    }

    /// <summary>Recovery codes are written « ABCDE-FGHIJ »: spaces dropped, letters in capitals.</summary>
    private static string RecoveryCode(string typed) =>
        new string(typed.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}
