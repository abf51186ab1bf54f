namespace Cotravail.Web.Common.Auditing;

/// <summary>
/// The French words of one audited type, declared by the feature that owns it (ADR 0044): its name (« Fermeture »,
/// feminine), a label for each field the journal shows, and the fields it never shows nor writes (secrets, personal
/// data, technical values), each with the reason. A field in neither list fails a test: no C# name reaches a manager.
/// </summary>
public sealed class AuditVocabulary
{
    public AuditVocabulary(string noun, string plural, bool feminine, IReadOnlyDictionary<string, AuditField> fields,
        IReadOnlyDictionary<string, string> hidden, string? groupBy = null, Func<Func<string, string?>, string>? describe = null)
    {
        Noun = noun;
        Plural = plural;
        Feminine = feminine;
        Fields = fields;
        Hidden = hidden;
        GroupBy = groupBy;
        Describe = describe;
    }

    /// <summary>« Fermeture », « Horaires d'ouverture ».</summary>
    public string Noun { get; }

    public string Plural { get; }

    public bool Feminine { get; }

    public IReadOnlyDictionary<string, AuditField> Fields { get; }

    /// <summary>Fields never written nor shown, with why (« secret », « donnée personnelle », « technique »).</summary>
    public IReadOnlyDictionary<string, string> Hidden { get; }

    /// <summary>
    /// For records that people read as one set (a site's opening hours, one row a weekday): the field that names the
    /// row (<c>Day</c>), and how a row's values read (« 8 h 30 – 12 h 30, 13 h 30 – 18 h 00 »). Rows replaced in one save
    /// are then shown as « lundi : before → after », only for the rows that changed.
    /// </summary>
    public string? GroupBy { get; }

    public Func<Func<string, string?>, string>? Describe { get; }

    /// <summary>Whether the field may be written to the log (not secret, not hidden).</summary>
    public bool Keeps(string field) => !Hidden.ContainsKey(field) && !AuditedTypes.IsSecret(field);

    /// <summary>A vocabulary for a type declared without one: its code name only (a test refuses this for entities).</summary>
    public static AuditVocabulary Unknown(string name) =>
        new(name, name, false, new Dictionary<string, AuditField>(), new Dictionary<string, string>());
}
