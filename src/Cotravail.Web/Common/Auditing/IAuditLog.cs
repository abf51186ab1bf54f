namespace Cotravail.Web.Common.Auditing;

/// <summary>
/// For changes made without the change tracker (ExecuteUpdate, raw SQL), which the audit log's interceptor cannot see:
/// the caller records them here, inside its own transaction.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Records that the record <paramref name="key"/> of <paramref name="type"/> (concerning <paramref name="subject"/>)
    /// changed, when the audited type says so (someone else's booking, for instance).
    /// </summary>
    Task RecordUpdateAsync(
        Type type, object key, AuditScope scope, string? subject, IReadOnlyDictionary<string, (object? Before, object? After)> changes, CancellationToken ct);
}
