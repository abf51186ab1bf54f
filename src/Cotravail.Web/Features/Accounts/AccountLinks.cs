using Cotravail.Web.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace Cotravail.Web.Features.Accounts;

/// <summary>
/// Absolute links to the account pages, for e-mails, on the <see cref="PublicAddress"/> (<c>PublicUrl</c>, required in
/// Production: a forged Host header then cannot redirect a reset link).
/// </summary>
public sealed class AccountLinks(LinkGenerator links, IHttpContextAccessor http, PublicAddress address)
{
    /// <summary>The path of Identity's own confirmation endpoint, whose links are sent to the page instead.</summary>
    public const string ApiConfirmEmailPath = AccountsModule.ApiRoot + "/confirmEmail";

    public string Confirmation(string userId, string code, string? changedEmail = null) =>
        Page(AccountPages.ConfirmEmail, new { userId, code, changedEmail });

    public string PasswordReset(string email, string code) => Page(AccountPages.ResetPassword, new { email, code });

    public string Login() => Page(AccountPages.Login, null);

    public string ForgotPassword() => Page(AccountPages.ForgotPassword, null);

    /// <summary>The confirmation page's link for a link to Identity's API endpoint (same user, code and new address).</summary>
    public string ConfirmationFromApiLink(string apiLink)
    {
        var uri = new Uri(apiLink, UriKind.Absolute);
        if (!uri.AbsolutePath.EndsWith(ApiConfirmEmailPath, StringComparison.OrdinalIgnoreCase))
        {
            return apiLink;
        }
        var query = QueryHelpers.ParseQuery(uri.Query);
        var changed = query.TryGetValue("changedEmail", out var c) ? c.ToString() : null;
        return Confirmation(query["userId"].ToString(), query["code"].ToString(), string.IsNullOrEmpty(changed) ? null : changed);
    }

    private string Page(string page, object? values)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("Account links are built during a request.");
        // The path alone (the address's root already holds any path base), then the public address in front.
        var path = links.GetPathByPage(context, page, handler: null, values, PathString.Empty)
            ?? throw new InvalidOperationException($"No route to the page {page}.");
        return address.Absolute(path);
    }
}
