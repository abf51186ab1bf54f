using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Accounts.TwoFactor;

/// <summary>
/// Turning two-factor authentication on: the authenticator app reads the shared key (as text or QR code), the person
/// types one code to prove it works, and gets ten recovery codes, shown once.
/// </summary>
[Authorize]
public sealed class EnableModel(
    UserManager<AppUser> users, IUserStore<AppUser> store, SignInManager<AppUser> signIn, ManagerTwoFactor managers, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty]
    [Display(Name = "Code à 6 chiffres de l'application")]
    [Required(ErrorMessage = "Indiquez le code affiché par l'application.")]
    [StringLength(12, ErrorMessage = "Le code a 6 chiffres.")]
    public string Code { get; set; } = "";

    public string SharedKey { get; private set; } = "";
    public string QrCode { get; private set; } = "";
    public bool AlreadyEnabled { get; private set; }
    public bool RequiredForManager { get; private set; }

    /// <summary>Set once the code was right: shown on this answer only.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage(AccountPages.TwoFactor);
        }
        var code = Totp.Clean(Code);
        if (ModelState.IsValid
            && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), l["Ce code n'est pas le bon. Vérifiez l'heure du téléphone et tapez le code affiché en ce moment."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        // The security stamp changed: this session carries the new one, the others end.
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        AlreadyEnabled = await users.GetTwoFactorEnabledAsync(user);
        RequiredForManager = managers.Required && await users.IsInRoleAsync(user, Roles.Manager);
        if (AlreadyEnabled)
        {
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key, not yet in use: set without renewing the security stamp (which would end this session).
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        SharedKey = Totp.Grouped(key);
        QrCode = Common.Qr.SvgDataUri(Totp.Uri(user.Email ?? user.UserName ?? "", key));
    }
}
