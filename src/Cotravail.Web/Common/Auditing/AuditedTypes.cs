namespace Cotravail.Web.Common.Auditing;

/// <summary>
/// What the audit log records, as the features declared it: money (invoices and credit notes, payments, cash-ups, sales
/// of rights, products and their prices, reduced-price grants), other people's bookings and check-ins, roles and staff,
/// sites. A record with an owner (a booking, a visit, a role) is logged only when someone else changes it — or the
/// application itself, as when a no-show releases a booking: a member cancelling their own booking is not logged.
/// </summary>
public sealed class AuditedTypes(IEnumerable<AuditedType> declared)
{
    private readonly Dictionary<Type, AuditedType> _byType = declared.ToDictionary(t => t.Type);

    public AuditedType? For(Type type) => _byType.GetValueOrDefault(type);

    public IEnumerable<AuditedType> All => _byType.Values;

    public string LabelOf(string name) => Named(name)?.Label ?? name;

    /// <summary>The type of that code name, if still declared.</summary>
    public AuditedType? Named(string name) => _byType.Values.FirstOrDefault(a => a.Name == name);

    /// <summary>The French words of that code name (its code name alone if no longer declared).</summary>
    public AuditVocabulary VocabularyOf(string name) => Named(name)?.Vocabulary ?? AuditVocabulary.Unknown(name);

    /// <summary>Fields never written to the log, whatever the type.</summary>
    public static bool IsSecret(string property) =>
        property.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Hash", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Token", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Stamp", StringComparison.OrdinalIgnoreCase)
        || property.Contains("Secret", StringComparison.OrdinalIgnoreCase);
}
