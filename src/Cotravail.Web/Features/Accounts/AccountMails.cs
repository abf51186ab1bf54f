using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Cotravail.Web.Features.Accounts;

/// <summary>What the pages send: each makes the token, the link, and hands them to <see cref="IdentityMailer"/>.</summary>
public sealed class AccountMails(UserManager<AppUser> users, AccountLinks links, IdentityMailer mailer)
{
    public async Task SendConfirmationAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = links.Confirmation(user.Id, code);
        await mailer.SendConfirmationLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link));
    }

    public async Task SendPasswordResetAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        var link = links.PasswordReset(user.Email!, code);
        await mailer.SendPasswordResetLinkAsync(user, user.Email!, HtmlEncoder.Default.Encode(link));
    }

    public Task SendAlreadyRegisteredAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return mailer.SendAlreadyRegisteredAsync(user, user.Email!);
    }

    /// <summary>Identity's tokens travel in links base64url-encoded.</summary>
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token of a link, or null when the code is not base64url.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
