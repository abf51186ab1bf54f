using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>
/// A member's testimonies, their ambassador record and the relay conversations they held as an ambassador (the
/// newcomer named only, never their address); and the « Je m'installe » requests sent with the same e-mail address
/// (made without an account, so found by the address). On deletion testimonies go (and leave the public pages), the
/// ambassador record and its conversations go, and the history of the requests they were put in touch with no longer
/// names them. Requests sent with the address lose every identity (name, organisation, address, telephone, message,
/// postcode), their history and their conversations, and stay counted by month and origin in the indicators.
/// </summary>
internal sealed class NewcomersPersonalData(AppDbContext db) : IPersonalData
{
    public const string AnonymousRequest = "Demande anonymisée";
    public const string ErasedName = "Compte supprimé";

    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var me = subject.UserId;
        var testimonies = await db.Set<Testimony>().AsNoTracking().Where(t => t.UserId == me).OrderBy(t => t.ConsentAtUtc).ThenBy(t => t.Id)
            .Select(t => new TestimonyRow(t.Id, t.AuthorName, t.Commune, t.Text, t.Status, t.ConsentAtUtc, t.PublishedAtUtc, t.WithdrawnAtUtc))
            .ToListAsync(ct);
        var ambassador = await db.Set<Ambassador>().AsNoTracking().Where(a => a.UserId == me)
            .Select(a => new AmbassadorRow(a.Sectors, a.Communes, a.IsActive, a.SinceUtc, a.StoppedAtUtc)).ToListAsync(ct);
        var conversations = await db.Set<Introduction>().AsNoTracking().Where(i => i.Ambassador!.UserId == me)
            .OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id)
            .Select(i => new RelayRow(i.Id, i.Request!.Name, i.CreatedAtUtc)).ToListAsync(ct);
        var newcomerOf = conversations.ToDictionary(c => c.Id, c => c.Avec);
        var ids = conversations.Select(c => c.Id).ToList();
        var messages = await db.Set<RelayMessage>().AsNoTracking().Where(m => ids.Contains(m.IntroductionId)).OrderBy(m => m.AtUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.IntroductionId, m.FromNewcomer, m.Body, m.AtUtc }).ToListAsync(ct);
        var requests = subject.Email.Length == 0 ? [] : await Requests(subject.Email).AsNoTracking().OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id)
            .Select(r => new RequestRow(r.Id, r.Kind, r.Name, r.Organisation, r.Email, r.Phone, r.Project, r.OriginPostcode, r.OriginCountry,
                r.ArrivalMonth, r.Needs, r.Message, r.Status, r.CreatedAtUtc, r.SettledAtUtc))
            .ToListAsync(ct);
        return
        [
            PersonalDataSet.Of("temoignages", "Témoignages", testimonies),
            PersonalDataSet.Of("ambassadeur", "Ambassadeur ou ambassadrice des nouveaux arrivants", ambassador),
            PersonalDataSet.Of("echanges-nouveaux-arrivants", "Échanges avec des nouveaux arrivants", conversations),
            PersonalDataSet.Of("messages-nouveaux-arrivants", "Messages échangés avec des nouveaux arrivants",
                messages.Select(m => new RelayMessageRow(m.Id, m.IntroductionId, !m.FromNewcomer, m.FromNewcomer ? newcomerOf[m.IntroductionId] : null, m.Body, m.AtUtc))),
            PersonalDataSet.Of("demandes-installation", "Demandes « Je m'installe / je découvre »", requests),
        ];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var me = subject.UserId;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == me, ct);
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        await db.Set<Testimony>().Where(t => t.UserId == me).ExecuteDeleteAsync(ct);

        // As an ambassador: the requests they were put in touch with no longer name them; the conversations go.
        var introductions = db.Set<Introduction>().Where(i => i.Ambassador!.UserId == me);
        if (user is not null && !Accounts.Tombstones.IsTombstone(user.Email))
        {
            var introduced = $"Mis·e en relation avec l'ambassadeur ou l'ambassadrice {user.DisplayName}.";
            var requestIds = introductions.Select(i => i.RequestId);
            await db.Set<RequestEntry>().Where(e => e.Kind == EntryKind.Introduced && e.Text == introduced && requestIds.Contains(e.RequestId))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Text, "Mis·e en relation avec un ambassadeur ou une ambassadrice (compte supprimé)."), ct);
        }
        await DeleteConversationsAsync(db, introductions.Select(i => i.Id), ct);
        await db.Set<Ambassador>().Where(a => a.UserId == me).ExecuteDeleteAsync(ct);

        // As a manager: what they wrote in a request's history stays, without their name.
        await db.Set<RequestEntry>().Where(e => e.ByUserId == me && e.ByName != ErasedName)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ByName, ErasedName), ct);

        // Requests sent with their address: counted still, by nobody.
        if (subject.Email.Length > 0)
        {
            await AnonymiseRequestsAsync(db, Requests(subject.Email), ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Requests kept for their counts only: conversations and history deleted; name, organisation, address, phone,
    /// message and origin postcode erased. Department, region, needs, status and dates stay for the indicators.
    /// </summary>
    public static async Task<int> AnonymiseRequestsAsync(AppDbContext db, IQueryable<NewcomerRequest> requests, CancellationToken ct)
    {
        var ids = await requests.Select(r => r.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }
        await DeleteConversationsAsync(db, db.Set<Introduction>().Where(i => ids.Contains(i.RequestId)).Select(i => i.Id), ct);
        await db.Set<RequestEntry>().Where(e => ids.Contains(e.RequestId)).ExecuteDeleteAsync(ct);
        return await db.Set<NewcomerRequest>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Name, AnonymousRequest)
            .SetProperty(r => r.Organisation, (string?)null)
            .SetProperty(r => r.Email, (string?)null)
            .SetProperty(r => r.Phone, (string?)null)
            .SetProperty(r => r.Message, (string?)null)
            .SetProperty(r => r.OriginPostcode, (string?)null), ct);
    }

    private IQueryable<NewcomerRequest> Requests(string email) =>
        db.Set<NewcomerRequest>().Where(r => r.Email != null && r.Email.ToLower() == email);

    private static async Task DeleteConversationsAsync(AppDbContext db, IQueryable<int> introductionIds, CancellationToken ct)
    {
        var ids = await introductionIds.ToListAsync(ct);
        await db.Set<RelayMessage>().Where(m => ids.Contains(m.IntroductionId)).ExecuteDeleteAsync(ct);
        await db.Set<Introduction>().Where(i => ids.Contains(i.Id)).ExecuteDeleteAsync(ct);
    }

    private sealed record TestimonyRow(int Id, string NomAffiche, string? Commune, string Texte, TestimonyStatus Statut, DateTime ConsentementLeUtc,
        DateTime? PublieLeUtc, DateTime? RetireLeUtc);

    private sealed record AmbassadorRow(string Secteurs, string Communes, bool Actif, DateTime DepuisLeUtc, DateTime? ArreteLeUtc);

    private sealed record RelayRow(int Id, string Avec, DateTime CommenceLeUtc);

    private sealed record RelayMessageRow(int Id, int EchangeId, bool EnvoyeParVous, string? De, string Texte, DateTime EnvoyeLeUtc);

    private sealed record RequestRow(int Id, string Type, string Nom, string? Organisation, string? Email, string? Telephone, string Projet,
        string? CodePostalOrigine, string? PaysOrigine, DateOnly? MoisArrivee, string Besoins, string? Message, RequestStatus Statut,
        DateTime RecueLeUtc, DateTime? InstalleLeUtc);
}
