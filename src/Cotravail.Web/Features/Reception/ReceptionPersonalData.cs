using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Reception;

/// <summary>
/// The person as the reception desk knows them (their account, or a walk-in with the same e-mail address) and their
/// visits. On deletion, the name, e-mail, postcode and commune of the person go; each visit stays with its site, day,
/// postcode and commune, under an anonymous visitor, so that the observatory counts it (visits, distinct people, origins)
/// as before (ADR 0051).
/// </summary>
internal sealed class ReceptionPersonalData(AppDbContext db) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var visitors = await Mine(subject).AsNoTracking().OrderBy(v => v.Id).ToListAsync(ct);
        var ids = visitors.Select(v => v.Id).ToList();
        var visits = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.VisitorId)).OrderBy(v => v.ArrivedAtUtc)
            .Select(v => new VisitRow(v.Id, v.Site!.Name, v.Date, v.ArrivedAtUtc, v.DepartedAtUtc, v.Kind, v.Pass, v.Postcode, v.CommuneInsee, v.BookingId, v.InvoiceId))
            .ToListAsync(ct);
        return
        [
            PersonalDataSet.Of("accueil", "Fiche d'accueil", visitors.Select(v => new VisitorRow(v.FirstName, v.LastName, v.Email, v.Postcode, v.CommuneInsee, v.CreatedAtUtc))),
            PersonalDataSet.Of("passages", "Passages dans les espaces", visits),
        ];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var ids = await Mine(subject).Select(v => v.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return;
        }
        await db.Visits.Where(v => ids.Contains(v.VisitorId)).ExecuteUpdateAsync(s => s.SetProperty(v => v.UserId, (string?)null), ct);
        await AnonymiseVisitorsAsync(db.Visitors.Where(v => ids.Contains(v.Id)), ct);
    }

    /// <summary>
    /// Takes name, e-mail, postcode and commune off these visitor records (account deletion, or three years without a visit):
    /// their visits stay, with their own site, day and postcode, for the observatory.
    /// </summary>
    public static Task<int> AnonymiseVisitorsAsync(IQueryable<Visitor> visitors, CancellationToken ct) =>
        visitors.ExecuteUpdateAsync(s => s
            .SetProperty(v => v.UserId, (string?)null)
            .SetProperty(v => v.FirstName, "")
            .SetProperty(v => v.LastName, "")
            .SetProperty(v => v.SearchKey, "")
            .SetProperty(v => v.Email, (string?)null)
            .SetProperty(v => v.Postcode, (string?)null)
            .SetProperty(v => v.CommuneInsee, (string?)null), ct);

    private IQueryable<Visitor> Mine(PersonalDataSubject subject) =>
        db.Visitors.Where(v => v.UserId == subject.UserId || (v.Email != null && v.Email.ToLower() == subject.Email));

    private sealed record VisitorRow(string Prenom, string Nom, string? Email, string? CodePostal, string? CodeInseeCommune, DateTime CreeLeUtc);

    private sealed record VisitRow(int Id, string Espace, DateOnly Date, DateTime ArriveeUtc, DateTime? DepartUtc, VisitKind Type,
        string Formule, string? CodePostal, string? CodeInseeCommune, int? ReservationId, int? FactureId);
}
