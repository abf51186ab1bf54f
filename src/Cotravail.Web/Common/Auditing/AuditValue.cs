namespace Cotravail.Web.Common.Auditing;

/// <summary>How the journal writes a field's value (stored as invariant text) for a French reader.</summary>
public enum AuditValue
{
    /// <summary>As it is.</summary>
    Text,
    /// <summary>A count or a number.</summary>
    Number,
    /// <summary>Euro cents, as « 15,00 € ».</summary>
    Money,
    /// <summary>A rate in basis points, as « 20 % ».</summary>
    Percent,
    /// <summary>A yes/no, as « oui » / « non ».</summary>
    Flag,
    /// <summary>One of a list (an enum), through the label the owning feature gives it.</summary>
    Choice,
    /// <summary>A day, as « 1er décembre 2026 ».</summary>
    Date,
    /// <summary>A UTC instant, as « 10 décembre 2026 à 9 h 15 » in the site's time zone (Paris by default).</summary>
    Instant,
    /// <summary>A time of day, as « 8 h 30 ».</summary>
    Time,
    /// <summary>A weekday, as « lundi ».</summary>
    Day,
    /// <summary>A person's account id, as their name.</summary>
    Person,
    /// <summary>A site's id, as its name.</summary>
    Site,
    /// <summary>Another record's id, as « n° 12 ».</summary>
    Reference,
}

/// <summary>One field of an audited type as the journal shows it: its French label and how its value reads.</summary>
public sealed record AuditField(string Label, AuditValue Value, Func<string, string?>? Choice = null);
