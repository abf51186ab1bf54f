namespace Cotravail.Web.Common.PersonalData;

/// <summary>
/// What a feature holds about a person, and how it forgets them (RGPD articles 15, 17 and 20). Each feature that stores
/// personal data registers one implementation with <see cref="PersonalDataRegistration.AddPersonalData{T}"/> in its own
/// <c>AddX()</c>; « Mes données », <c>GET /api/v1/me/data</c>, account deletion and the retention job call every one.
/// <list type="bullet">
/// <item><see cref="ExportAsync"/> returns one or more tables (their rows are plain records serialised as JSON, and
/// flattened to one CSV file per table). It reads only; never include another person's data or a secret (mask it).</item>
/// <item><see cref="AnonymiseAsync"/> runs when the account is deleted, before the account itself is replaced by an
/// anonymous tombstone (the person's e-mail address is still known then, so mails can still go out). Cancel what is
/// still to come through the feature's own rules (places freed, waitlists moved), delete what has no reason to stay,
/// and strip identity from what must stay counted (statistics) or kept (invoices: 10 years). It must be idempotent:
/// a deletion interrupted half-way is run again from the start.</item>
/// </list>
/// </summary>
public interface IPersonalData
{
    Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct);

    Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct);
}

/// <summary>The person concerned: their account id and their e-mail address (lower case), for data tied to the address only.</summary>
public sealed record PersonalDataSubject(string UserId, string Email);

/// <summary>
/// One table of an export. <paramref name="Name"/> is a short ASCII key (« reservations »: the JSON property and the CSV
/// file name); <paramref name="Title"/> the French heading shown on « Mes données » (it needs an English entry).
/// </summary>
public sealed record PersonalDataSet(string Name, string Title, IReadOnlyList<object> Rows)
{
    public static PersonalDataSet Of<T>(string name, string title, IEnumerable<T> rows) where T : notnull =>
        new(name, title, [.. rows.Cast<object>()]);
}
