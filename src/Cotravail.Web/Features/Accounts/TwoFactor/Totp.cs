using System.Globalization;
using System.Text;

namespace Cotravail.Web.Features.Accounts.TwoFactor;

/// <summary>How the authenticator's shared key is shown: in groups of four, and as an otpauth:// link for the QR code.</summary>
public static class Totp
{
    public const string Issuer = "Cotravail";

    public static string Grouped(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    public static string Uri(string email, string key) =>
        string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6");

    /// <summary>What a person typed, without spaces or dashes (apps show « 123 456 »).</summary>
    public static string Clean(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
}
