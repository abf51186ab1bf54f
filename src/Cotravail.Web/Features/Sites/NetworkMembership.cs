using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cotravail.Web.Features.Sites;

/// <summary>
/// Who belongs to which network (ADR 0025): the members recorded by <see cref="JoinAsync"/> (a booking, a purchase,
/// a registration, a visit), the hosts of its sites and its managers. A deployment with a single network counts every
/// account as its member: there is no other network to keep apart.
/// </summary>
public sealed class NetworkMembership(AppDbContext db, IMemoryCache cache, TimeProvider clock)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromHours(1);

    /// <summary>Records that <paramref name="userId"/> belongs to the network (once; known rows are remembered an hour by this instance).</summary>
    public async Task JoinAsync(string userId, int networkId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var key = ("network-member", userId, networkId);
        if (cache.TryGetValue(key, out _))
        {
            return;
        }
        using (await WriteGate.EnterAsync(db, ct))
        {
            await InsertAsync(userId, networkId, ct);
        }
        cache.Set(key, true, Remembered);
    }

    /// <summary>
    /// The same, for a caller already writing under <see cref="WriteGate"/>, in its transaction: a row this instance
    /// knows is not written again (and one written here is remembered only by <see cref="JoinAsync"/>, after a commit).
    /// </summary>
    public Task RecordAsync(string userId, int networkId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userId);
        return cache.TryGetValue(("network-member", userId, networkId), out _) ? Task.CompletedTask : InsertAsync(userId, networkId, ct);
    }

    private async Task InsertAsync(string userId, int networkId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"NetworkMembers\" (\"UserId\", \"NetworkId\", \"SinceUtc\") VALUES ({userId}, {networkId}, {now}) ON CONFLICT DO NOTHING", ct);
    }

    /// <summary>The same, for the network of a site.</summary>
    public async Task JoinSiteAsync(string userId, int siteId, CancellationToken ct)
    {
        var network = await cache.GetOrCreateAsync(("site-network", siteId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Remembered;
            return await db.Sites.Where(s => s.Id == siteId).Select(s => (int?)s.NetworkId).FirstOrDefaultAsync(ct);
        });
        if (network is { } id)
        {
            await JoinAsync(userId, id, ct);
        }
    }

    /// <summary>The networks <paramref name="userId"/> belongs to (none when signed out).</summary>
    public async Task<IReadOnlyList<int>> NetworksOfAsync(string? userId, CancellationToken ct)
    {
        if (userId is null)
        {
            return [];
        }
        if (await SingleNetworkAsync(ct) is { } only)
        {
            return [only];
        }
        return await db.Set<NetworkMember>().Where(m => m.UserId == userId).Select(m => m.NetworkId)
            .Union(db.SiteHosts.Where(h => h.UserId == userId).Select(h => h.Site!.NetworkId))
            .Union(db.NetworkManagers.Where(m => m.UserId == userId).Select(m => m.NetworkId))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The networks of each of <paramref name="userIds"/> (a digest's subscribers, the owners of its profiles); null when
    /// the deployment has a single network, to which everyone belongs.
    /// </summary>
    public async Task<Dictionary<string, HashSet<int>>?> NetworksOfEachAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        if (await SingleNetworkAsync(ct) is not null)
        {
            return null;
        }
        var rows = await db.Set<NetworkMember>().Where(m => userIds.Contains(m.UserId)).Select(m => new { m.UserId, m.NetworkId })
            .Concat(db.SiteHosts.Where(h => userIds.Contains(h.UserId)).Select(h => new { h.UserId, h.Site!.NetworkId }))
            .Concat(db.NetworkManagers.Where(m => userIds.Contains(m.UserId)).Select(m => new { m.UserId, m.NetworkId }))
            .ToListAsync(ct);
        return userIds.Distinct().ToDictionary(id => id, id => rows.Where(r => r.UserId == id).Select(r => r.NetworkId).ToHashSet());
    }

    /// <summary>
    /// The people who belong to one of <paramref name="networks"/>, as a query to filter others by; null for everyone
    /// (the deployment's only network).
    /// </summary>
    public async Task<IQueryable<string>?> PeopleOfAsync(IReadOnlyList<int> networks, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(networks);
        if (networks.Count > 0 && await SingleNetworkAsync(ct) is { } only && networks.Contains(only))
        {
            return null;
        }
        return db.Set<NetworkMember>().Where(m => networks.Contains(m.NetworkId)).Select(m => m.UserId)
            .Concat(db.SiteHosts.Where(h => networks.Contains(h.Site!.NetworkId)).Select(h => h.UserId))
            .Concat(db.NetworkManagers.Where(m => networks.Contains(m.NetworkId)).Select(m => m.UserId));
    }

    /// <summary>The deployment's network when it has only one.</summary>
    private async Task<int?> SingleNetworkAsync(CancellationToken ct)
    {
        var two = await db.Networks.OrderBy(n => n.Id).Select(n => n.Id).Take(2).ToListAsync(ct);
        return two.Count == 1 ? two[0] : null;
    }
}
