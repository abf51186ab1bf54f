using System.Buffers.Binary;
using System.Security.Cryptography;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Accounts.TwoFactor;

/// <summary>
/// The authenticator app's codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), in place of Identity's provider,
/// on the injected clock. As with Identity's, a code of two steps before or after now is accepted (a phone's clock
/// drifts); unlike it, a code is accepted once: the step of the accepted code is claimed on the account with one
/// conditional update, so that the same code, or an older one, can neither sign in twice nor be taken by two requests
/// at once (<see cref="AppUser.LastTotpStep"/>). Used by the second step of signing in (page and API), turning two-factor
/// authentication on, and <c>/api/v1/auth/manage/2fa</c>.
/// </summary>
public sealed class OneTimeCodes(AppDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const int StepSeconds = 30;

    /// <summary>How many steps before and after the current one a code may belong to.</summary>
    public const int Drift = 2;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>Nothing is sent: the code comes from the person's app.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || Base32(key) is not { Length: > 0 } secret || Matching(secret, token, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }
        // A new concurrency stamp too: another request that loaded the account before this claim cannot write its old
        // step back when Identity saves the whole account (a failed attempt's count); it gets a concurrency failure.
        var concurrencyStamp = Guid.NewGuid().ToString();
        int claimed;
        using (await WriteGate.EnterAsync(db, CancellationToken.None))
        {
            claimed = await db.Users.Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < step))
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, step).SetProperty(u => u.ConcurrencyStamp, concurrencyStamp));
        }
        if (claimed == 0)
        {
            return false;
        }
        // This request's copy of the account, saved again by Identity afterwards, is made the one now stored.
        var entry = db.Entry(user);
        if (entry.State == EntityState.Detached)
        {
            user.LastTotpStep = step;
            user.ConcurrencyStamp = concurrencyStamp;
        }
        else
        {
            foreach (var (property, value) in new (string, object)[] { (nameof(AppUser.LastTotpStep), step), (nameof(AppUser.ConcurrencyStamp), concurrencyStamp) })
            {
                entry.Property(property).CurrentValue = value;
                entry.Property(property).OriginalValue = value;
            }
        }
        return true;
    }

    /// <summary>The step, within the drift around <paramref name="now"/>, whose code is <paramref name="token"/>; null when none is.</summary>
    public static long? Matching(byte[] secret, string? token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return null;
        }
        var code = int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        var current = now.ToUnixTimeSeconds() / StepSeconds;
        for (var step = current - Drift; step <= current + Drift; step++)
        {
            if (Code(secret, step) == code)
            {
                return step;
            }
        }
        return null;
    }

    /// <summary>The 6-digit code of <paramref name="step"/> (RFC 4226 dynamic truncation).</summary>
    public static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return value % 1_000_000;
    }

    /// <summary>The bytes of a base32 key (RFC 4648, as Identity stores it); null when a character is not base32.</summary>
    public static byte[]? Base32(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(key.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in key.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            buffer = ((buffer << 5) | value) & 0xFFFF;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
