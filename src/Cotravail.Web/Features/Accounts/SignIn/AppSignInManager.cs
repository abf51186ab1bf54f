using Cotravail.Web.Common.Security.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Accounts.SignIn;

/// <summary>
/// Identity's sign-in manager, for the page and <c>/api/v1/auth/login</c> alike, made so that signing in does not tell
/// which accounts exist. An unknown address costs a password check, as a known one does (<see cref="UnknownAccountPassword"/>).
/// An account whose address is not confirmed yet answers « Failed », as a wrong password does, where Identity answers
/// « NotAllowed » without looking at the password: here the password is checked (a wrong one counts towards the
/// lockout), and the right one sends the account a new confirmation message, at most as often as the account-mail
/// limit allows. That message is how its owner learns what is missing.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation, UnknownAccountPassword unknown, AccountMails mails, DbRateLimiter limits,
    MyAccount.PreferredLanguage language)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private bool _refreshing;

    /// <summary>A sign-in (not the renewal of a session) sets the language the account chose on « Mon compte ».</summary>
    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        // Before the sign-in: a bearer-token sign-in writes the response body, after which no cookie can be set.
        if (!_refreshing)
        {
            language.Apply(Context, user);
        }
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    public override async Task RefreshSignInAsync(AppUser user)
    {
        _refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshing = false;
        }
    }

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            unknown.Check(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (!result.IsNotAllowed || await UserManager.IsEmailConfirmedAsync(user))
        {
            return result;
        }
        if (await UserManager.IsLockedOutAsync(user))
        {
            return SignInResult.LockedOut;
        }
        if (await UserManager.CheckPasswordAsync(user, password))
        {
            await SendConfirmationAgainAsync(user);
            return SignInResult.Failed;
        }
        if (lockoutOnFailure)
        {
            await UserManager.AccessFailedAsync(user);
            if (await UserManager.IsLockedOutAsync(user))
            {
                return SignInResult.LockedOut;
            }
        }
        return SignInResult.Failed;
    }

    private async Task SendConfirmationAgainAsync(AppUser user)
    {
        if (await limits.HitAsync(RateLimitPolicies.AccountMail, Context, user.Email, Context.RequestAborted) is null)
        {
            await mails.SendConfirmationAsync(user);
        }
    }
}
