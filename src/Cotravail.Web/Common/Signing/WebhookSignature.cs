using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cotravail.Web.Common.Signing;

/// <summary>
/// The signature Cotravail puts on every request it sends to another tool (webhooks, a lock's « webhook » adapter):
/// header <c>Cotravail-Signature: t=UNIX_SECONDS,v1=HEX(HMAC-SHA256(secret, "t." + body))</c>. The receiver recomputes
/// it and refuses a timestamp outside its replay window, so a captured request cannot be played again later.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Cotravail-Signature";

    /// <summary>How far a timestamp may be from the receiver's clock.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Create(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        var t = at.ToUnixTimeSeconds();
        return $"t={t.ToString(CultureInfo.InvariantCulture)},v1={Compute(secret, t, body)}";
    }

    /// <summary>True when <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> within the window.</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (!TryParse(header, out var t, out var signatures))
        {
            return false;
        }
        if (Math.Abs(now.ToUnixTimeSeconds() - t) > (tolerance ?? DefaultTolerance).TotalSeconds)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Compute(secret, t, body));
        foreach (var given in signatures)
        {
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(given)))
            {
                return true;
            }
        }
        return false;
    }

    private static string Compute(string secret, long t, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(t.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Reads <c>t=…,v1=…[,v1=…]</c>: several v1 values let a receiver accept an old and a new secret while rotating.</summary>
    private static bool TryParse(string? header, out long t, out List<string> signatures)
    {
        t = 0;
        signatures = [];
        var hasTime = false;
        foreach (var part in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }
            var (key, value) = (part[..eq], part[(eq + 1)..]);
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                (t, hasTime) = (parsed, true);
            }
            else if (key == "v1" && value.Length == 64)
            {
                signatures.Add(value.ToLowerInvariant());
            }
        }
        return hasTime && signatures.Count > 0;
    }
}
