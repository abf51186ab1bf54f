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
/// Writes an <see cref="AuditEntry"/> for every change to an audited type (<see cref="AuditedTypes"/>) saved through
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
        foreach (var p in state.Pending)
        {
            // A new record's values are read now: its keys and those it points to were temporary before the save.
            var changes = p.Action == AuditAction.Created ? new Dictionary<string, string?[]>(ChangesOf(p.Entry, p.Action).Concat(p.Changes)) : p.Changes;
            var scope = p.Type.Scope(p.Entry.Entity);
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                AtUtc = now,
                ActorId = actor.UserId,
                Ip = actor.Ip,
                NetworkId = scope.NetworkId ?? (scope.SiteId is { } site ? networks.GetValueOrDefault(site) : null),
                EntityType = p.Type.Name,
                EntityKey = KeyOf(p.Entry),
                Action = p.Action,
                SubjectUserId = p.Subject,
                Changes = changes.Count == 0 ? null : JsonSerializer.Serialize(changes),
            });
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
            var changes = action == AuditAction.Created ? [] : ChangesOf(entry, action);
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

    private static Dictionary<string, string?[]> ChangesOf(EntityEntry entry, AuditAction action)
    {
        var changes = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (property.Metadata.IsPrimaryKey() || property.Metadata.IsShadowProperty() || AuditedTypes.IsSecret(name)
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
