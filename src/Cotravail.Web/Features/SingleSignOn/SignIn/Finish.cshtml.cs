using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Accounts.TwoFactor;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.SingleSignOn.SignIn;

/// <summary>
/// Back from the provider, its ID token checked (signature, issuer, audience, nonce, state) by ASP.NET Core's handler:
/// decides who signs in (ADR 0059). The e-mail must be verified by the provider (<c>email_verified</c>). The account is
/// the one already linked to this provider's subject, or the one with that address (then linked); without one, a
/// member's account of the network is made when the provider may sign in members. Staff (hosts, managers) sign in only
/// through a provider allowed for staff, of the one network they staff. A member of other networks only is refused.
/// The second factor is asked as after a password, unless the provider asserts one (<see cref="SignOnRules.AssertsSecondFactor(System.Security.Claims.ClaimsPrincipal)"/>).
/// </summary>
public sealed class FinishModel(
    SignInManager<AppUser> signIn, AppDbContext db, IStaffReachLoader staff, NetworkMembership membership,
    ManagerTwoFactor managers, ILogger<FinishModel> log) : PageModel
{
    public const string Path = "/compte/connexion-unique/fin";

    public static string PathFor(string? returnUrl) =>
        returnUrl is null ? Path : $"{Path}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null || SignOnRules.NetworkOf(info.LoginProvider) is not { } networkId)
        {
            return Refuse(SignOnRefusal.Expired, info?.LoginProvider ?? "?", null, "no external sign-in");
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var scheme = info.LoginProvider;
        var row = await db.Set<NetworkSignOn>().AsNoTracking().FirstOrDefaultAsync(p => p.NetworkId == networkId && p.Enabled, ct);
        if (row is null)
        {
            return Refuse(SignOnRefusal.Failed, scheme, null, "no enabled provider");
        }
        var email = info.Principal.FindFirst(row.EmailClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            return Refuse(SignOnRefusal.Unverified, scheme, null, "no e-mail address in the claim " + row.EmailClaim);
        }
        if (!SignOnRules.EmailVerified(info.Principal))
        {
            return Refuse(SignOnRefusal.Unverified, scheme, null, "e-mail not verified");
        }
        var users = signIn.UserManager;
        var user = await users.FindByLoginAsync(scheme, info.ProviderKey) ?? await users.FindByEmailAsync(email);
        if (user is null)
        {
            if (!row.AllowMembers)
            {
                return Refuse(SignOnRefusal.NoAccount, scheme, null, "no account, and the provider makes none");
            }
            user = await CreateMemberAsync(email, info, networkId);
            if (user is null)
            {
                return Refuse(SignOnRefusal.Failed, scheme, null, "the account could not be made");
            }
        }
        else if (await RefusalAsync(user, row, ct) is { } refusal)
        {
            return Refuse(SignOnRefusal.NotHere, scheme, user.Id, refusal);
        }
        if (!await LinkAsync(user, info, email))
        {
            return Refuse(SignOnRefusal.Failed, scheme, user.Id, "the login could not be stored");
        }
        var secondFactor = SignOnRules.AssertsSecondFactor(info.Principal);
        var result = await signIn.ExternalLoginSignInAsync(scheme, info.ProviderKey, isPersistent: false, bypassTwoFactor: secondFactor);
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : Accounts.SignIn.LoginModel.Home;
        if (result.Succeeded)
        {
            SignOnLog.Signed(log, scheme, user.Id, secondFactor ? "signed in (second factor asserted by the provider)" : "signed in");
            if (managers.Required && !user.TwoFactorEnabled && await users.IsInRoleAsync(user, Roles.Manager))
            {
                return LocalRedirect(ManagerTwoFactor.SetupPath);
            }
            return LocalRedirect(back);
        }
        if (result.RequiresTwoFactor)
        {
            SignOnLog.Signed(log, scheme, user.Id, "asked for the second factor");
            return RedirectToPage(AccountPages.LoginTwoFactor, new { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null, RememberMe = false });
        }
        return Refuse(result.IsLockedOut ? SignOnRefusal.LockedOut : SignOnRefusal.NotHere, scheme, user.Id, result.ToString());
    }

    /// <summary>Why this provider may not sign this account in, or null when it may.</summary>
    private async Task<string?> RefusalAsync(AppUser user, NetworkSignOn row, CancellationToken ct)
    {
        var users = signIn.UserManager;
        var isStaff = await users.IsInRoleAsync(user, Roles.Manager) || await users.IsInRoleAsync(user, Roles.Host);
        if (isStaff)
        {
            var reach = await staff.LoadAsync(user.Id, host: true, manager: true, ct);
            var networks = reach.ManagedNetworkIds.Concat(reach.Sites.Select(s => s.NetworkId)).Distinct().ToList();
            if (!row.AllowStaff)
            {
                return "staff, and the provider is not allowed for staff";
            }
            return networks.Any(n => n != row.NetworkId) ? "staff of another network" : null;
        }
        if (!row.AllowMembers)
        {
            return "member, and the provider is not allowed for members";
        }
        var memberOf = await membership.NetworksOfAsync(user.Id, ct);
        return memberOf.Count > 0 && !memberOf.Contains(row.NetworkId) ? "member of other networks only" : null;
    }

    private async Task<AppUser?> CreateMemberAsync(string email, ExternalLoginInfo info, int networkId)
    {
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FirstName = Name(info, "given_name"),
            LastName = Name(info, "usual_name") is { Length: > 0 } usual ? usual : Name(info, "family_name"),
        };
        var created = await signIn.UserManager.CreateAsync(user);
        if (!created.Succeeded)
        {
            return null;
        }
        await MemberRole.GrantAsync(HttpContext.RequestServices, user);
        await membership.JoinAsync(user.Id, networkId, HttpContext.RequestAborted);
        SignOnLog.Signed(log, info.LoginProvider, user.Id, "made as a member of network " + networkId);
        return user;
    }

    /// <summary>
    /// Stores the provider's subject for the account (once), and confirms its address, which the provider verified (the
    /// password of an account not confirmed yet is dropped: its owner may choose one with « Mot de passe oublié »).
    /// </summary>
    private async Task<bool> LinkAsync(AppUser user, ExternalLoginInfo info, string email)
    {
        var users = signIn.UserManager;
        if (!user.EmailConfirmed && string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            // A password set by whoever registered the address before its owner confirmed it is not kept.
            if (await users.HasPasswordAsync(user) && !(await users.RemovePasswordAsync(user)).Succeeded)
            {
                return false;
            }
            user.EmailConfirmed = true;
            if (!(await users.UpdateAsync(user)).Succeeded)
            {
                return false;
            }
        }
        var logins = await users.GetLoginsAsync(user);
        if (logins.Any(l => l.LoginProvider == info.LoginProvider && l.ProviderKey == info.ProviderKey))
        {
            return true;
        }
        // One subject of a network's provider per account: a new subject (the provider was changed) replaces the old one.
        foreach (var old in logins.Where(l => l.LoginProvider == info.LoginProvider).ToList())
        {
            await users.RemoveLoginAsync(user, old.LoginProvider, old.ProviderKey);
        }
        var added = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, info.ProviderDisplayName));
        if (added.Succeeded)
        {
            SignOnLog.Signed(log, info.LoginProvider, user.Id, "linked by its verified e-mail address");
        }
        return added.Succeeded;
    }

    private static string Name(ExternalLoginInfo info, string claim) =>
        info.Principal.FindFirst(claim)?.Value?.Trim() is { } v ? v[..Math.Min(v.Length, 100)] : "";

    private IActionResult Refuse(string reason, string scheme, string? userId, string detail)
    {
        SignOnLog.Refused(log, scheme, userId, detail);
        return LocalRedirect(SignOnRefusal.Path(reason));
    }
}
