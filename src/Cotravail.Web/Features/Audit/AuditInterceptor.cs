using System.Runtime.CompilerServices;
using System.Text.Json;
using Cotravail.Web.Common.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cotravail.Web.Features.Audit;

/// <summary>
/// Writes one <see cref="AuditEntry"/> for every save that changes audited types (<see cref="AuditedTypes"/>) saved through
/// EF Core, in the same transaction as the change: one is begun here when the caller has none, and committed once
/// the entries are saved too (the keys of new records are known only then). Changes made with ExecuteUpdate call
/// <see cref="AuditLog"/> themselves.
/// </summary>
public sealed class AuditInterceptor(AuditActor actor, AuditedTypes audited, TimeProvider clock) : SaveChangesInterceptor
{
    private const int MaxValueLength = 120;

    private sealed record Pending(EntityEntry Entry, AuditedType Type, AuditAction Action, string? Subject, Dictionary<string, string?[]> Changes);

    private sealed class State
    {
        public List<Pending> Pending { get; } = [];
        public IDbContextTransaction? OwnTransaction { get; set; }
        public bool Writing { get; set; }
    }

    private readonly ConditionalWeakTable<DbContext, State> _states = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && !AuditActor.Suppressed)
        {
            var state = _states.GetOrCreateValue(db);
            if (!state.Writing)
            {
                state.Pending.Clear();
                state.Pending.AddRange(await CollectAsync(db, cancellationToken));
                if (state.Pending.Count > 0 && db.Database.CurrentTransaction is null)
                {
                    state.OwnTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
                }
            }
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not { } db || !_states.TryGetValue(db, out var state) || state.Writing || state.Pending.Count == 0)
        {
            return result;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var networks = await NetworksAsync(db, state.Pending, cancellationToken);
        foreach (var entry in Entries(state.Pending, networks))
        {
            entry.AtUtc = now;
            entry.ActorId = actor.UserId;
            entry.Ip = actor.Ip;
            db.Set<AuditEntry>().Add(entry);
        }
        state.Pending.Clear();
        state.Writing = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (state.OwnTransaction is { } own)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            state.Writing = false;
            await EndOwnTransactionAsync(state);
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && _states.TryGetValue(db, out var state) && !state.Writing)
        {
            state.Pending.Clear();
            await EndOwnTransactionAsync(state);
        }
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && _states.TryGetValue(db, out var state) && !state.Writing)
        {
            state.Pending.Clear();
            await EndOwnTransactionAsync(state);
        }
    }

    // Synchronous saves are rare here (none in request paths); they are audited the same way.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        SaveChangesFailedAsync(eventData).GetAwaiter().GetResult();

    /// <summary>
    /// One entry for the save (ADR 0044), listing every record it changed; records of another network or concerning
    /// another person go to an entry of their own, so that an entry is read by one network's managers and names one person.
    /// </summary>
    private static IEnumerable<AuditEntry> Entries(List<Pending> pending, Dictionary<int, int?> networks)
    {
        var records = pending.Select(p =>
        {
            // A new record's values are read now: its keys and those it points to were temporary before the save.
            var changes = p.Action == AuditAction.Created ? new Dictionary<string, string?[]>(ChangesOf(p.Entry, p.Action, p.Type).Concat(p.Changes)) : p.Changes;
            var scope = p.Type.Scope(p.Entry.Entity);
            var site = scope.SiteId ?? SiteOf(p.Entry);
            var network = scope.NetworkId ?? (scope.SiteId is { } s ? networks.GetValueOrDefault(s) : null);
            return (p, Network: network, Site: site, Item: new AuditItem(p.Type.Name, KeyOf(p.Entry), p.Action, changes));
        }).ToList();
        foreach (var group in records.GroupBy(r => (r.Network, r.p.Subject)))
        {
            var items = group.ToList();
            // The entry is named by its main record: a network or a site saved with its parts, else the first one.
            var main = items.OrderBy(r => r.p.Entry.Entity switch { Sites.Network => 0, Sites.Site => 1, _ => 2 }).First();
            var sites = items.Select(r => r.Site).Distinct().ToList();
            var actions = items.Select(r => r.Item.Action).Distinct().ToList();
            yield return new AuditEntry
            {
                NetworkId = group.Key.Network,
                SiteId = sites.Count == 1 ? sites[0] : null,
                EntityType = main.Item.Type,
                EntityKey = main.Item.Key,
                Action = actions.Count == 1 ? actions[0] : AuditAction.Updated,
                SubjectUserId = group.Key.Subject,
                Changes = AuditItem.Write([.. items.Select(r => r.Item)]),
            };
        }
    }

    /// <summary>The site a record is of: itself, or the site it points to.</summary>
    private static int? SiteOf(EntityEntry entry) => entry.Entity switch
    {
        Sites.Site site => site.Id,
        _ => entry.Metadata.FindProperty("SiteId") is { } p && entry.Property(p.Name).CurrentValue is int id ? id : null,
    };

    private static async Task EndOwnTransactionAsync(State state)
    {
        if (state.OwnTransaction is { } own)
        {
            state.OwnTransaction = null;
            await own.DisposeAsync();
        }
    }

    private async Task<List<Pending>> CollectAsync(DbContext db, CancellationToken ct)
    {
        var pending = new List<Pending>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException(AuditTable.ReadOnlyMessage);
            }
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || audited.For(entry.Metadata.ClrType) is not { } type)
            {
                continue;
            }
            var subject = type.Subject?.Invoke(entry.Entity);
            if (type.OnlyOthers && !actor.IsSomeoneElse(subject))
            {
                continue;
            }
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            var changes = action == AuditAction.Created ? [] : ChangesOf(entry, action, type);
            if (action == AuditAction.Updated && changes.Count == 0)
            {
                continue;
            }
            if (entry.Entity is IdentityUserRole<string> link)
            {
                var role = await db.Set<IdentityRole>().Where(r => r.Id == link.RoleId).Select(r => r.Name).FirstOrDefaultAsync(ct);
                changes["Role"] = action == AuditAction.Deleted ? [role, null] : [null, role];
            }
            pending.Add(new Pending(entry, type, action, subject, changes));
        }
        return pending;
    }

    /// <summary>
    /// The network of each site named by a pending line's scope: from the sites saved with it (a deleted site is no
    /// longer in the database), else from the database, in the transaction of the change.
    /// </summary>
    private static async Task<Dictionary<int, int?>> NetworksAsync(DbContext db, List<Pending> pending, CancellationToken ct)
    {
        var networks = new Dictionary<int, int?>();
        foreach (var site in pending.Select(p => p.Entry.Entity).OfType<Sites.Site>())
        {
            networks[site.Id] = site.NetworkId;
        }
        var missing = pending.Select(p => p.Type.Scope(p.Entry.Entity).SiteId).OfType<int>().Where(id => !networks.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var site in await db.Set<Sites.Site>().Where(s => missing.Contains(s.Id)).Select(s => new { s.Id, s.NetworkId }).ToListAsync(ct))
            {
                networks[site.Id] = site.NetworkId;
            }
        }
        return networks;
    }

    private static Dictionary<string, string?[]> ChangesOf(EntityEntry entry, AuditAction action, AuditedType type)
    {
        var words = type.Vocabulary;
        var changes = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsShadowProperty() || !words.Keeps(name)
                || property.Metadata.ClrType == typeof(byte[]))
            {
                continue;
            }
            var (before, after) = action switch
            {
                AuditAction.Created => (null, Text(property.CurrentValue)),
                AuditAction.Deleted => (Text(property.OriginalValue), null),
                _ when property.IsModified => (Text(property.OriginalValue), Text(property.CurrentValue)),
                _ => ((string?)null, (string?)null),
            };
            if (before != after)
            {
                changes[name] = [before, after];
            }
        }
        return changes;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)));

    internal static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return text is { Length: > MaxValueLength } ? text[..MaxValueLength] + "…" : text;
    }
}
