using System.Runtime.CompilerServices;
using System.Text.Json;
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
public sealed class AuditInterceptor(AuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private const int MaxValueLength = 120;

    private sealed record Pending(EntityEntry Entry, AuditedTypes.Audited Type, AuditAction Action, string? Subject, Dictionary<string, string?[]> Changes);

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
        foreach (var p in state.Pending)
        {
            db.Set<AuditEntry>().Add(new AuditEntry
            {
                AtUtc = now,
                ActorId = actor.UserId,
                Ip = actor.Ip,
                EntityType = p.Type.Name,
                EntityKey = KeyOf(p.Entry),
                Action = p.Action,
                SubjectUserId = p.Subject,
                Changes = p.Changes.Count == 0 ? null : JsonSerializer.Serialize(p.Changes),
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
                || AuditedTypes.For(entry.Metadata.ClrType) is not { } type)
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
            var changes = ChangesOf(entry);
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

    private static Dictionary<string, string?[]> ChangesOf(EntityEntry entry)
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
            var (before, after) = entry.State switch
            {
                EntityState.Added => (null, Text(property.CurrentValue)),
                EntityState.Deleted => (Text(property.OriginalValue), null),
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
