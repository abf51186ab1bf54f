using System.Security.Cryptography;
using System.Text;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception;

/// <summary>
/// The code of a site's self check-in QR code: an HMAC of the site and the date under the site's own secret (kept in the
/// database, so every instance agrees). It changes every day; yesterday's photo of the poster no longer works.
/// </summary>
public sealed class ArrivalCodes(AppDbContext db)
{
    public async Task<string> CodeAsync(int siteId, DateOnly date, CancellationToken ct) =>
        Code(await SecretAsync(siteId, ct), siteId, date);

    public async Task<bool> IsValidAsync(int siteId, DateOnly date, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 64)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(await CodeAsync(siteId, date, ct));
        var given = Encoding.ASCII.GetBytes(code.Trim().ToUpperInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public static string Code(byte[] secret, int siteId, DateOnly date)
    {
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(FormattableString.Invariant($"{siteId}|{date:yyyy-MM-dd}")));
        return Convert.ToHexString(mac, 0, 6);
    }

    private async Task<byte[]> SecretAsync(int siteId, CancellationToken ct)
    {
        var secret = await db.ArrivalKeys.AsNoTracking().Where(k => k.SiteId == siteId).Select(k => k.Secret).FirstOrDefaultAsync(ct);
        if (secret is not null)
        {
            return secret;
        }
        var fresh = RandomNumberGenerator.GetBytes(32);
        // Two first requests at once: the first secret written wins, both read it back.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"ArrivalKeys\" (\"SiteId\", \"Secret\") VALUES ({siteId}, {fresh}) ON CONFLICT DO NOTHING", ct);
        return await db.ArrivalKeys.AsNoTracking().Where(k => k.SiteId == siteId).Select(k => k.Secret).FirstAsync(ct);
    }
}
