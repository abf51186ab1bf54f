using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Cotravail.Web.Features.Reception;

/// <summary>
/// The token of a member's card: the member's id and an expiry, signed and encrypted by Data Protection (keys shared by
/// every instance through the database). The desk reads it typed or from a scanner; it is refused once expired.
/// </summary>
public sealed class MemberCards(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private const string Prefix = "CV1.";

    private ITimeLimitedDataProtector Protector =>
        protection.CreateProtector("Cotravail.Reception.MemberCard").ToTimeLimitedDataProtector();

    public (string Token, DateTime ExpiresUtc) Issue(string userId)
    {
        var expires = clock.GetUtcNow().UtcDateTime + Lifetime;
        var payload = $"{userId}|{expires.Ticks}";
        // The protector's own expiry (machine clock) is a bound too; the expiry inside is read against the app's clock.
        return (Prefix + Protector.Protect(payload, DateTimeOffset.UtcNow + Lifetime + TimeSpan.FromDays(400)), expires);
    }

    public static bool LooksLikeToken(string? text) => text?.Trim().StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The member's id, or null for a token that is unknown, altered or expired.</summary>
    public string? Read(string? token)
    {
        var text = token?.Trim() ?? "";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 2000)
        {
            return null;
        }
        string payload;
        try
        {
            payload = Protector.Unprotect(text[Prefix.Length..], out _);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return null;
        }
        return new DateTime(ticks, DateTimeKind.Utc) < clock.GetUtcNow().UtcDateTime ? null : parts[0];
    }
}
