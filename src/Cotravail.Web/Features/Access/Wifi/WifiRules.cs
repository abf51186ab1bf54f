using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cotravail.Web.Features.Access.Wifi;

/// <summary>
/// The rules of Wi-Fi credentials, without I/O: the form of a NAS-Identifier, a personal code (eight letters and
/// digits that cannot be mistaken for one another, shown « abcd-efgh », typed with or without the dash, in any case),
/// the login and code of an event's guests and the hours they work.
/// </summary>
public static class WifiRules
{
    public const int MaxNasIdentifier = 64;

    /// <summary>Guests may connect this long before the event starts.</summary>
    public static readonly TimeSpan GuestEarly = TimeSpan.FromMinutes(30);

    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    private const string GuestPrefix = "invite-";

    /// <summary>Null when <paramref name="value"/> may be a NAS-Identifier; otherwise the French reason.</summary>
    public static string? NasIdentifierRefusal(string? value)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0)
        {
            return "Indiquez le NAS-Identifier envoyé par les bornes Wi-Fi de l'espace.";
        }
        if (v.Length > MaxNasIdentifier || !v.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
        {
            return "Le NAS-Identifier compte au plus 64 lettres, chiffres, tirets, points, deux-points ou soulignés, sans espace.";
        }
        return null;
    }

    /// <summary>A new personal code, « abcd-efgh ».</summary>
    public static string NewCode()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return Shown(chars);
    }

    /// <summary>Whether <paramref name="given"/> is <paramref name="code"/>, typed with or without its dash, in any case (constant time).</summary>
    public static bool Matches(string code, string? given)
    {
        ArgumentNullException.ThrowIfNull(code);
        var expected = Encoding.ASCII.GetBytes(Normal(code));
        var typed = Encoding.UTF8.GetBytes(Normal(given ?? ""));
        return CryptographicOperations.FixedTimeEquals(expected, typed);
    }

    /// <summary>The login of an event's guests: « invite-123 ».</summary>
    public static string GuestLogin(int eventId) => GuestPrefix + eventId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The event a guest login names, or null when <paramref name="userName"/> is not one.</summary>
    public static int? GuestEvent(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.StartsWith(GuestPrefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(userName.AsSpan(GuestPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    /// <summary>The guests' code of an event, derived from the site's secret, the event and its start (moving the event changes it).</summary>
    public static string GuestCode(string siteSecret, int eventId, DateTime startUtc)
    {
        var key = Convert.FromBase64String(siteSecret);
        var hash = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"event:{eventId}:{startUtc.Ticks}")));
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[hash[i] % Alphabet.Length];
        }
        return Shown(chars);
    }

    /// <summary>Whether an event's guests may connect at <paramref name="nowUtc"/>: from half an hour before its start to its end.</summary>
    public static bool GuestWindowOpen(DateTime nowUtc, DateTime startUtc, DateTime endUtc) =>
        startUtc - GuestEarly <= nowUtc && nowUtc < endUtc;

    /// <summary>A new secret for a site's guest codes.</summary>
    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string Shown(ReadOnlySpan<char> chars) => string.Concat(chars[..4], "-", chars[4..]);

    private static string Normal(string value) =>
        new(value.Where(c => c is not ('-' or ' ')).Select(char.ToLowerInvariant).ToArray());
}
