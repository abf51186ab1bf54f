using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cotravail.Web.Features.Privacy;

public enum EraseOutcome
{
    Erased,
    NotFound,
    /// <summary>The last manager of a network: the network would have nobody to run it.</summary>
    LastManager,
}

public sealed record EraseResult(EraseOutcome Outcome, string? NetworkName = null);

/// <summary>
/// Deletes an account (RGPD article 17): every feature forgets the person (<see cref="IPersonalData.AnonymiseAsync"/>),
/// then the account becomes an anonymous tombstone: no name, no address, no password, no role, locked, and a new
/// security stamp that ends every session. The tombstone keeps its id so that past bookings, visits and invoices
/// stay counted and consistent, without anybody's identity. Each step can run again: a deletion cut short is simply
/// done again. Invoices are kept unchanged (ten years, French commercial and tax law).
/// </summary>
public sealed class AccountEraser(AppDbContext db, IEnumerable<IPersonalData> features, PrivacyMailer mailer, IMemoryCache cache, TimeProvider clock)
{
    /// <summary>The network whose last manager the person is, or null when nothing stops the deletion.</summary>
    public async Task<string?> LastManagedNetworkAsync(string userId, CancellationToken ct)
    {
        var networks = await db.NetworkManagers.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.NetworkId).ToListAsync(ct);
        foreach (var networkId in networks)
        {
            if (!await db.NetworkManagers.AnyAsync(m => m.NetworkId == networkId && m.UserId != userId, ct))
            {
                return await db.Networks.Where(n => n.Id == networkId).Select(n => n.Name).FirstAsync(ct);
            }
        }
        return null;
    }

    public async Task<EraseResult> EraseAsync(string userId, bool byRetention, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null || Tombstones.IsTombstone(user.Email))
        {
            return new EraseResult(EraseOutcome.NotFound);
        }
        if (await LastManagedNetworkAsync(userId, ct) is { } network)
        {
            return new EraseResult(EraseOutcome.LastManager, network);
        }
        var email = (user.Email ?? "").Trim().ToLowerInvariant();
        var subject = new PersonalDataSubject(userId, email);
        foreach (var feature in features)
        {
            await feature.AnonymiseAsync(subject, ct);
            db.ChangeTracker.Clear();
        }
        await TombstoneAsync(userId, ct);
        cache.Set(ErasedAccountGuard.CacheKey(userId), true, TimeSpan.FromHours(1));
        if (email.Length > 0)
        {
            // Mails still waiting for this address (a server away) are not sent after the account is gone.
            using (await WriteGate.EnterAsync(db, CancellationToken.None))
            {
                await db.OutboxMails.Where(m => m.To.ToLower() == email).ExecuteDeleteAsync(CancellationToken.None);
            }
            await mailer.SendDeletedAsync(email, user.FirstName, byRetention, CancellationToken.None);
        }
        return new EraseResult(EraseOutcome.Erased);
    }


    private async Task TombstoneAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var name = Tombstones.AddressOf(userId);
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.UserName, name)
            .SetProperty(u => u.NormalizedUserName, name.ToUpperInvariant())
            .SetProperty(u => u.Email, name)
            .SetProperty(u => u.NormalizedEmail, name.ToUpperInvariant())
            .SetProperty(u => u.EmailConfirmed, false)
            .SetProperty(u => u.PasswordHash, (string?)null)
            .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
            .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())
            .SetProperty(u => u.PhoneNumber, (string?)null)
            .SetProperty(u => u.PhoneNumberConfirmed, false)
            .SetProperty(u => u.TwoFactorEnabled, false)
            .SetProperty(u => u.LockoutEnabled, true)
            .SetProperty(u => u.LockoutEnd, new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero))
            .SetProperty(u => u.AccessFailedCount, 0)
            .SetProperty(u => u.FirstName, "")
            .SetProperty(u => u.LastName, "")
            .SetProperty(u => u.NameKey, "")
            .SetProperty(u => u.Postcode, (string?)null)
            .SetProperty(u => u.Commune, (string?)null)
            .SetProperty(u => u.CommuneInsee, (string?)null)
            .SetProperty(u => u.PreferredCulture, (string?)null)
            .SetProperty(u => u.WantsReminders, false)
            .SetProperty(u => u.WantsDigest, false)
            .SetProperty(u => u.WantsNews, false), ct);
        var marked = await db.AccountActivities.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.ErasedAtUtc, now)
            .SetProperty(a => a.RetentionWarnedAtUtc, (DateTime?)null)
            .SetProperty(a => a.RetentionClaimedUntilUtc, (DateTime?)null), ct);
        if (marked == 0)
        {
            db.AccountActivities.Add(new AccountActivity { UserId = userId, LastActivityUtc = now, ErasedAtUtc = now });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
