namespace Cotravail.Web.Common.Auditing;

/// <summary>
/// Builds the <see cref="AuditVocabulary"/> of <typeparamref name="T"/>, field by field, next to the type:
/// <c>new AuditFields&lt;Site&gt;("Espace", "Espaces", feminine: false).Money(nameof(Site.DayPriceCents), "Prix à la journée")</c>.
/// </summary>
public sealed class AuditFields<T>(string noun, string plural, bool feminine)
    where T : class
{
    /// <summary>Why a field is never written nor shown.</summary>
    public const string Secret = "secret";
    public const string PersonalData = "donnée personnelle";
    public const string Technical = "technique";

    private readonly Dictionary<string, AuditField> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hidden = new(StringComparer.Ordinal);
    private string? _groupBy;
    private Func<Func<string, string?>, string>? _describe;

    public AuditFields<T> Text(string field, string label) => Add(field, label, AuditValue.Text);

    public AuditFields<T> Number(string field, string label) => Add(field, label, AuditValue.Number);

    public AuditFields<T> Money(string field, string label) => Add(field, label, AuditValue.Money);

    public AuditFields<T> Percent(string field, string label) => Add(field, label, AuditValue.Percent);

    public AuditFields<T> Flag(string field, string label) => Add(field, label, AuditValue.Flag);

    public AuditFields<T> Date(string field, string label) => Add(field, label, AuditValue.Date);

    public AuditFields<T> Instant(string field, string label) => Add(field, label, AuditValue.Instant);

    public AuditFields<T> Time(string field, string label) => Add(field, label, AuditValue.Time);

    public AuditFields<T> Day(string field, string label) => Add(field, label, AuditValue.Day);

    public AuditFields<T> Person(string field, string label) => Add(field, label, AuditValue.Person);

    public AuditFields<T> Site(string field, string label) => Add(field, label, AuditValue.Site);

    public AuditFields<T> Reference(string field, string label) => Add(field, label, AuditValue.Reference);

    /// <summary>An enum field, read through the owning feature's French label of each value.</summary>
    public AuditFields<T> Choice<TEnum>(string field, string label, Func<TEnum, string> french)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(french);
        _fields[field] = new AuditField(label, AuditValue.Choice, raw => Enum.TryParse<TEnum>(raw, out var v) && Enum.IsDefined(v) ? french(v) : null);
        return this;
    }

    /// <summary>A field whose stored text is one of a few words (a role's name), read through <paramref name="french"/>.</summary>
    public AuditFields<T> Choice(string field, string label, Func<string, string?> french)
    {
        _fields[field] = new AuditField(label, AuditValue.Choice, french);
        return this;
    }

    /// <summary>A field never written to the log nor shown: <see cref="Secret"/>, <see cref="PersonalData"/> or <see cref="Technical"/>.</summary>
    public AuditFields<T> Hide(string field, string why)
    {
        _hidden[field] = why;
        return this;
    }

    /// <summary>Rows read as one set, named by <paramref name="field"/> (see <see cref="AuditVocabulary.GroupBy"/>).</summary>
    public AuditFields<T> Grouped(string field, Func<Func<string, string?>, string> describe)
    {
        _groupBy = field;
        _describe = describe;
        return this;
    }

    public AuditVocabulary Build() => new(noun, plural, feminine, _fields, _hidden, _groupBy, _describe);

    private AuditFields<T> Add(string field, string label, AuditValue value)
    {
        _fields[field] = new AuditField(label, value);
        return this;
    }
}
