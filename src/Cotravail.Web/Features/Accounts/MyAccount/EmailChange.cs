using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common.Security.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>
/// Changing an account's address: asked with the password, confirmed by a link sent to the new address (Identity's
/// change-e-mail token, valid 24 hours, bound to the account, the new address and its security stamp), the old address
/// warned. Until the link is opened nothing changes. The user name, which is the address, follows it, and the account
/// gets a new security stamp (its other sessions end). An address that another account holds is refused before
/// anything is sent (ADR 0047).
/// </summary>
public sealed class EmailChange(UserManager<AppUser> users, SignInManager<AppUser> signIn, EmailChangeMails mails, DbRateLimiter limits)
{
    public const string AlreadyUsed = "Cette adresse e-mail est déjà celle d'un autre compte : choisissez-en une autre.";
    public const string SameAddress = "C'est déjà l'adresse de votre compte.";
    public const string WrongPassword = "Ce n'est pas votre mot de passe actuel.";
    public const string TooMany = "Vous avez fait beaucoup de demandes de changement d'adresse : réessayez dans une heure.";
    public const string InvalidLink = "Ce lien n'est pas valide ou a expiré. Demandez un nouveau changement d'adresse depuis « Mon compte ».";

    /// <summary>Checks the request and sends the two e-mails; the French message of each wrong field (« newEmail », « password ») otherwise.</summary>
    public async Task<Dictionary<string, string>> StartAsync(HttpContext http, AppUser user, string? newEmail, string? password)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var email = newEmail?.Trim() ?? "";
        if (email.Length == 0)
        {
            errors["newEmail"] = "Indiquez votre nouvelle adresse e-mail.";
        }
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            errors["newEmail"] = "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).";
        }
        else if (string.Equals(users.NormalizeEmail(email), user.NormalizedEmail, StringComparison.Ordinal))
        {
            errors["newEmail"] = SameAddress;
        }
        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = "Indiquez votre mot de passe actuel.";
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        // A wrong password counts towards the account's lockout, as at sign-in.
        if (!(await signIn.CheckPasswordSignInAsync(user, password!, lockoutOnFailure: true)).Succeeded)
        {
            errors["password"] = WrongPassword;
            return errors;
        }
        // Each request counts (per client and per account), those refused for a used address too: probing addresses stays slow.
        if (await limits.HitAsync(RateLimitPolicies.AccountMail, http, user.Email, http.RequestAborted) is not null)
        {
            errors["newEmail"] = TooMany;
            return errors;
        }
        if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
        {
            errors["newEmail"] = AlreadyUsed;
            return errors;
        }
        var code = AccountMails.Encode(await users.GenerateChangeEmailTokenAsync(user, email));
        await mails.SendConfirmAsync(user, email, mails.ConfirmLink(user.Id, email, code), http.RequestAborted);
        await mails.SendWarningAsync(user, email, http.RequestAborted);
        return errors;
    }

    /// <summary>The link's landing: moves the account to the new address, or says why not (null when done).</summary>
    public async Task<string?> ConfirmAsync(string? userId, string? email, string? code)
    {
        var token = AccountMails.Decode(code);
        if (token is null || string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is not { } user)
        {
            return InvalidLink;
        }
        if (!await users.VerifyUserTokenAsync(user, users.Options.Tokens.ChangeEmailTokenProvider, UserManager<AppUser>.GetChangeEmailTokenPurpose(email), token))
        {
            return InvalidLink;
        }
        if (await users.FindByEmailAsync(email) is { } holder && holder.Id != user.Id)
        {
            return AlreadyUsed;
        }
        // The user name moves with the address in the same save (ChangeEmailAsync validates both, then renews the stamp).
        user.UserName = email;
        var result = await users.ChangeEmailAsync(user, email, token);
        return result.Succeeded ? null
            : result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)) ? AlreadyUsed
            : InvalidLink;
    }
}
