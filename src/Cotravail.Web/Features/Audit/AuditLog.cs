using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Audit;

/// <summary>
/// For changes made without the change tracker (ExecuteUpdate, raw SQL), which <see cref="AuditInterceptor"/>
/// cannot see: the caller records them here, inside its own transaction.
/// </summary>
public sealed class AuditLog(AppDbContext db, AuditActor actor, AuditedTypes types, TimeProvider clock) : IAuditLog
{
    /// <summary>
    /// Records that the record <paramref name="key"/> of <paramref name="type"/> (concerning <paramref name="subject"/>)
    /// changed, when the audited type says so (someone else's booking, for instance).
    /// </summary>
    public async Task RecordUpdateAsync(
        Type type, object key, AuditScope scope, string? subject, IReadOnlyDictionary<string, (object? Before, object? After)> changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (AuditActor.Suppressed || types.For(type) is not { } audited || (audited.OnlyOthers && !actor.IsSomeoneElse(subject)))
        {
            return;
        }
        var network = scope.NetworkId;
        if (network is null && scope.SiteId is { } site)
        {
            network = await db.Sites.Where(s => s.Id == site).Select(s => (int?)s.NetworkId).FirstOrDefaultAsync(ct);
        }
        var text = AuditInterceptor.Text(key) ?? "";
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.UserId,
            Ip = actor.Ip,
            NetworkId = network,
            SiteId = scope.SiteId,
            EntityType = audited.Name,
            EntityKey = text,
            Action = AuditAction.Updated,
            SubjectUserId = subject,
            Changes = AuditItem.Write([new AuditItem(audited.Name, text, AuditAction.Updated, changes
                .Where(c => audited.Vocabulary.Keeps(c.Key))
                .ToDictionary(c => c.Key, c => new[] { AuditInterceptor.Text(c.Value.Before), AuditInterceptor.Text(c.Value.After) }))]),
        });
        await db.SaveChangesAsync(ct);
    }
}
