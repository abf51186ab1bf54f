using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Accounts.TwoFactor;

/// <summary>
/// « Double authentification »: whether it is on, and from here new recovery codes or turning it off (refused to a
/// manager when the network requires it).
/// </summary>
[Authorize]
public sealed class IndexModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ManagerTwoFactor managers, IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Enabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool MayDisable { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>New recovery codes, shown on this answer only.</summary>
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

    public async Task<IActionResult> OnPostCodesAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, EnableModel.RecoveryCodeCount) ?? []];
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        await LoadAsync(user);
        if (!Enabled)
        {
            return RedirectToPage();
        }
        if (!MayDisable)
        {
            ModelState.AddModelError("", l["Les gestionnaires doivent garder la double authentification activée."]);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: turning it on again means scanning a new QR code; old recovery codes are forgotten.
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await signIn.RefreshSignInAsync(user);
        Notice = "La double authentification est désactivée.";
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = Enabled ? await users.CountRecoveryCodesAsync(user) : 0;
        MayDisable = !(managers.Required && await users.IsInRoleAsync(user, Roles.Manager));
    }
}
