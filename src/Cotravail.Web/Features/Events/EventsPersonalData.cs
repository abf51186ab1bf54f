using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

/// <summary>
/// A person's registrations (with their account, or with their e-mail address only), ratings, and workshops they
/// proposed or created. On deletion, registrations to events still to come are cancelled through the usual rules (the
/// place goes to the waitlist); past ones stay counted (postcode, attendance) without name or address; comments of
/// ratings go (the score stays); proposals still waiting are withdrawn.
/// </summary>
internal sealed class EventsPersonalData(AppDbContext db, RegistrationCommands commands, TimeProvider clock) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var registrations = await Mine(subject).AsNoTracking().OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id)
            .Select(r => new RegistrationRow(r.Id, r.Event!.Title, r.Event.StartUtc, r.Name, r.Email, r.Phone, r.Postcode, r.Status,
                r.WaitlistPosition, r.PriceCents / 100m, r.CreatedAtUtc, r.CancelledAtUtc, r.Attended))
            .ToListAsync(ct);
        var ids = registrations.Select(r => r.Id).ToList();
        var ratings = await db.EventRatings.AsNoTracking().Where(r => ids.Contains(r.RegistrationId)).OrderBy(r => r.CreatedAtUtc)
            .Select(r => new RatingRow(r.RegistrationId, r.EventId, r.Score, r.Comment, r.CreatedAtUtc)).ToListAsync(ct);
        var created = await db.Events.AsNoTracking().Where(e => e.CreatedByUserId == subject.UserId).OrderBy(e => e.CreatedAtUtc)
            .Select(e => new CreatedRow(e.Id, e.Title, e.Status, e.StartUtc, e.OrganiserName, e.ReviewMessage, e.CreatedAtUtc)).ToListAsync(ct);
        return
        [
            PersonalDataSet.Of("inscriptions", "Inscriptions aux événements", registrations),
            PersonalDataSet.Of("avis", "Avis sur les événements", ratings),
            PersonalDataSet.Of("propositions", "Ateliers proposés ou créés", created),
        ];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var coming = await Mine(subject)
            .Where(r => r.Status != RegistrationStatus.Cancelled && r.Event!.StartUtc > now)
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var id in coming)
        {
            await commands.CancelAsync(id, ct);
        }
        var ids = await Mine(subject).Select(r => r.Id).ToListAsync(ct);
        await AnonymiseRegistrationsAsync(db, db.EventRegistrations.Where(r => ids.Contains(r.Id)), ct);
        await db.Events.Where(e => e.CreatedByUserId == subject.UserId && e.Status == EventStatus.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventStatus.Declined)
                .SetProperty(e => e.ReviewMessage, "Proposition retirée : le compte a été supprimé."), ct);
        await db.Events.Where(e => e.CreatedByUserId == subject.UserId && e.Status == EventStatus.Declined)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.OrganiserName, ""), ct);
        await db.Events.Where(e => e.CreatedByUserId == subject.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedByUserId, (string?)null), ct);
    }

    /// <summary>The end of an anonymous registration's address: « anonyme-{id}@anonyme.invalid ».</summary>
    public const string AnonymousDomain = "@anonyme.invalid";

    /// <summary>
    /// Takes the person off these registrations (account deletion, or three years after the event): no account, name,
    /// phone or address, no comment on the rating; postcode, attendance and score stay counted. The address is part of a unique
    /// key (one active registration per event and address), so each gets its own anonymous one.
    /// </summary>
    public static async Task AnonymiseRegistrationsAsync(AppDbContext db, IQueryable<Registration> registrations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.EventRatings.Where(r => registrations.Any(x => x.Id == r.RegistrationId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Comment, (string?)null), ct);
        await registrations.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.UserId, (string?)null)
            .SetProperty(r => r.Name, "")
            .SetProperty(r => r.Phone, (string?)null)
            .SetProperty(r => r.Email, r => "anonyme-" + r.Id.ToString() + AnonymousDomain), ct);
    }

    private IQueryable<Registration> Mine(PersonalDataSubject subject) =>
        db.EventRegistrations.Where(r => r.UserId == subject.UserId || r.Email == subject.Email);

    private sealed record RegistrationRow(int Id, string Evenement, DateTime DebutUtc, string Nom, string Email, string? Telephone, string? CodePostal,
        RegistrationStatus Statut, int? PositionAttente, decimal PrixEuros, DateTime InscritLeUtc, DateTime? AnnuleLeUtc, bool? Present);

    private sealed record RatingRow(int InscriptionId, int EvenementId, int Note, string? Commentaire, DateTime DonneLeUtc);

    private sealed record CreatedRow(int Id, string Titre, EventStatus Statut, DateTime DebutUtc, string Organisateur,
        string? MessageDeLAccueil, DateTime CreeLeUtc);
}
