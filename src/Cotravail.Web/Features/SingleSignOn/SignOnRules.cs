using System.Globalization;
using System.Security.Claims;

namespace Cotravail.Web.Features.SingleSignOn;

/// <summary>The rules of single sign-on, without I/O: scheme names, the e-mail claims, what counts as a second factor (ADR 0059).</summary>
public static class SignOnRules
{
    public const string SchemePrefix = "oidc-";
    public const string DefaultScopes = "openid email profile";
    public const string DefaultEmailClaim = "email";
    public const int DisplayNameMax = 60;
    public const int AddressMax = 300;
    public const int ClientIdMax = 200;
    public const int ScopesMax = 300;
    public const int ClaimMax = 100;

    /// <summary>
    /// RFC 8176 authentication method references that tell a second factor was used: <c>mfa</c> itself, or a factor
    /// that is never a password alone (one-time code, hardware key, smart card).
    /// </summary>
    public static readonly string[] SecondFactorMethods = ["mfa", "otp", "hwk", "sc"];

    /// <summary>
    /// <c>acr</c> values that assert a second factor: eIDAS « substantial » and « high » (as URIs, or ProConnect's and
    /// FranceConnect's <c>eidas2</c>/<c>eidas3</c>), and ProConnect's assurance levels ending in <c>-2fa</c>.
    /// </summary>
    public static readonly string[] SecondFactorAcr =
    [
        "eidas2", "eidas3", "http://eidas.europa.eu/LoA/substantial", "http://eidas.europa.eu/LoA/high",
    ];

    /// <summary>The scheme of a network's provider: « oidc-12 ».</summary>
    public static string SchemeName(int networkId) => SchemePrefix + networkId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where the provider sends the browser back for a network's scheme.</summary>
    public static string CallbackPath(int networkId) => "/compte/connexion-unique/retour/" + networkId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The network of a scheme name, or null for any other scheme.</summary>
    public static int? NetworkOf(string? scheme) =>
        scheme is not null && scheme.StartsWith(SchemePrefix, StringComparison.Ordinal)
        && int.TryParse(scheme.AsSpan(SchemePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    /// <summary>The scopes as asked: <c>openid</c> first, then the others once each.</summary>
    public static IReadOnlyList<string> ScopeList(string? scopes) =>
        ["openid", .. (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s != "openid").Distinct(StringComparer.Ordinal)];

    /// <summary>A scope or claim name: printable ASCII without spaces, quotes or backslashes (RFC 6749 §3.3).</summary>
    public static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => c >= 0x21 && c <= 0x7E && c != '"' && c != '\\');

    /// <summary>True when <c>email_verified</c> says true (a JSON boolean, or the string some providers send).</summary>
    public static bool EmailVerified(ClaimsPrincipal principal) =>
        principal.FindAll("email_verified").Any(c => string.Equals(c.Value, "true", StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the provider asserts a second factor, through <c>amr</c> or <c>acr</c>.</summary>
    public static bool AssertsSecondFactor(IEnumerable<string> amr, string? acr) =>
        amr.SelectMany(SplitAmr).Any(m => SecondFactorMethods.Contains(m, StringComparer.OrdinalIgnoreCase))
        || (acr is not null && (SecondFactorAcr.Contains(acr, StringComparer.OrdinalIgnoreCase)
            || acr.EndsWith("-2fa", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The same, read from an ID token's claims.</summary>
    public static bool AssertsSecondFactor(ClaimsPrincipal principal) =>
        AssertsSecondFactor(principal.FindAll("amr").Select(c => c.Value), principal.FindFirst("acr")?.Value);

    /// <summary>An <c>amr</c> claim holds one method, or (from some handlers) the JSON array written out.</summary>
    private static IEnumerable<string> SplitAmr(string value) =>
        value.Split([' ', ',', '[', ']', '"'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>An authority Cotravail accepts: https, or http on a loopback address when the deployment allows it (tests, a local Keycloak).</summary>
    public static bool IsAcceptedAuthority(string? authority, bool allowHttpOnLoopback) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
        && (uri.Scheme == Uri.UriSchemeHttps || (allowHttpOnLoopback && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
