using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>
/// A person's part of the entrepreneurs' network: their profile (whether it has a photo, not the photo itself), their
/// listings, their conversations and the messages in them (the other person named only as the relay shows them, never
/// their address), the blocks and reports they made, and the weekly digest. On deletion all of it goes: the account
/// stays as a tombstone, so the database's cascades do not fire and each table is emptied here, children first.
/// Conversations go whole, for both people (erasing an account erases its conversations, see
/// <see cref="ConversationConfiguration"/>).
/// </summary>
internal sealed class EntrepreneursPersonalData(AppDbContext db) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var me = subject.UserId;
        var profiles = await db.Profiles().AsNoTracking().Where(p => p.OwnerUserId == me)
            .Select(p => new ProfileRow(p.Id, p.Kind, p.Name, p.Sector, p.Skills, p.Commune, p.Postcode, p.Website, p.Presentation,
                p.Offers, p.Seeks, p.Visibility, p.ConsentAtUtc, p.WithdrawnAtUtc, p.IsSuspended,
                db.ProfilePhotos().Any(f => f.ProfileId == p.Id), p.CreatedAtUtc, p.UpdatedAtUtc))
            .ToListAsync(ct);
        var listings = await db.Listings().AsNoTracking().Where(l => l.Profile!.OwnerUserId == me).OrderBy(l => l.CreatedAtUtc).ThenBy(l => l.Id)
            .Select(l => new ListingRow(l.Id, l.Kind, l.Category, l.Title, l.Body, l.Sector, l.Skills, l.ExpiresOn, l.CreatedAtUtc, l.ClosedAtUtc, l.IsHidden))
            .ToListAsync(ct);
        var conversations = await db.Conversations().AsNoTracking().Where(c => c.StarterUserId == me || c.RecipientUserId == me)
            .OrderBy(c => c.CreatedAtUtc).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Subject, c.StarterUserId, c.RecipientUserId, c.ListingId, c.CreatedAtUtc, c.LastMessageAtUtc })
            .ToListAsync(ct);
        var ids = conversations.Select(c => c.Id).ToList();
        var messages = await db.ConversationMessages().AsNoTracking().Where(m => ids.Contains(m.ConversationId))
            .OrderBy(m => m.SentAtUtc).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.ConversationId, m.SenderUserId, m.Body, m.SentAtUtc })
            .ToListAsync(ct);
        var blocks = await db.Blocks().AsNoTracking().Where(b => b.BlockerUserId == me).OrderBy(b => b.CreatedAtUtc)
            .Select(b => new { b.BlockedUserId, b.CreatedAtUtc }).ToListAsync(ct);
        var reports = await db.Reports().AsNoTracking().Where(r => r.ReporterUserId == me).OrderBy(r => r.CreatedAtUtc).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.ProfileId, r.ListingId, r.Reason, r.CreatedAtUtc, r.Outcome, r.HandledAtUtc,
                Owner = r.Profile != null ? r.Profile.OwnerUserId : r.Listing != null ? r.Listing.Profile!.OwnerUserId : null,
            })
            .ToListAsync(ct);
        var digests = await db.DigestSends().AsNoTracking().Where(d => d.UserId == me).OrderBy(d => d.WeekStart)
            .Select(d => new DigestRow(d.WeekStart, d.SentAtUtc)).ToListAsync(ct);

        var others = conversations.Select(c => c.StarterUserId == me ? c.RecipientUserId : c.StarterUserId)
            .Concat(blocks.Select(b => b.BlockedUserId)).Concat(reports.Where(r => r.Owner != null).Select(r => r.Owner!))
            .Distinct(StringComparer.Ordinal).ToList();
        var names = await NamesAsync(others, ct);
        var otherOf = conversations.ToDictionary(c => c.Id, c => c.StarterUserId == me ? c.RecipientUserId : c.StarterUserId);
        return
        [
            PersonalDataSet.Of("reseau-fiche", "Fiche de l'annuaire des entrepreneurs", profiles),
            PersonalDataSet.Of("reseau-annonces", "Annonces publiées", listings),
            PersonalDataSet.Of("reseau-conversations", "Conversations du réseau",
                conversations.Select(c => new ConversationRow(c.Id, c.Subject, c.StarterUserId == me, names[otherOf[c.Id]], c.ListingId,
                    c.CreatedAtUtc, c.LastMessageAtUtc))),
            PersonalDataSet.Of("reseau-messages", "Messages du réseau",
                messages.Select(m => new MessageRow(m.Id, m.ConversationId, m.SenderUserId == me, m.SenderUserId == me ? null : names[otherOf[m.ConversationId]],
                    m.Body, m.SentAtUtc))),
            PersonalDataSet.Of("reseau-blocages", "Membres bloqués", blocks.Select(b => new BlockRow(names[b.BlockedUserId], b.CreatedAtUtc))),
            PersonalDataSet.Of("reseau-signalements", "Signalements faits",
                reports.Select(r => new ReportRow(r.Id, r.ProfileId, r.ListingId, r.Owner is null ? null : names[r.Owner], r.Reason, r.CreatedAtUtc,
                    r.Outcome, r.HandledAtUtc))),
            PersonalDataSet.Of("reseau-lettre", "Lettre hebdomadaire du réseau", digests),
        ];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var me = subject.UserId;
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var profileIds = db.Profiles().Where(p => p.OwnerUserId == me).Select(p => p.Id);
        var listingIds = db.Listings().Where(l => profileIds.Contains(l.ProfileId)).Select(l => l.Id);
        // Conversations with the person, or about their profile or one of their listings.
        var conversations = db.Conversations().Where(c => c.StarterUserId == me || c.RecipientUserId == me
            || profileIds.Contains(c.RecipientProfileId) || (c.ListingId != null && listingIds.Contains(c.ListingId.Value)));
        var conversationIds = conversations.Select(c => c.Id);
        await db.ConversationMessages().Where(m => conversationIds.Contains(m.ConversationId)).ExecuteDeleteAsync(ct);
        await conversations.ExecuteDeleteAsync(ct);
        // Reports they made, and reports about their profile or listings (these have nothing left to name).
        await db.Reports().Where(r => r.ReporterUserId == me
            || (r.ProfileId != null && profileIds.Contains(r.ProfileId.Value))
            || (r.ListingId != null && listingIds.Contains(r.ListingId.Value))).ExecuteDeleteAsync(ct);
        await db.Listings().Where(l => profileIds.Contains(l.ProfileId)).ExecuteDeleteAsync(ct);
        await db.ProfilePhotos().Where(f => profileIds.Contains(f.ProfileId)).ExecuteDeleteAsync(ct);
        await db.Profiles().Where(p => p.OwnerUserId == me).ExecuteDeleteAsync(ct);
        // Blocks they made, and those against an account that can no longer write.
        await db.Blocks().Where(b => b.BlockerUserId == me || b.BlockedUserId == me).ExecuteDeleteAsync(ct);
        await db.ContactQuotas().Where(q => q.UserId == me).ExecuteDeleteAsync(ct);
        await db.DigestSends().Where(d => d.UserId == me).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The name the relay shows of each account (<see cref="ContactRelay.SenderNameAsync"/>): first and last name, nothing else.</summary>
    private async Task<Dictionary<string, string>> NamesAsync(List<string> userIds, CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName }).ToListAsync(ct);
        var names = userIds.ToDictionary(id => id, _ => "Un membre", StringComparer.Ordinal);
        foreach (var u in users)
        {
            if ($"{u.FirstName} {u.LastName}".Trim() is { Length: > 0 } name)
            {
                names[u.Id] = name;
            }
        }
        return names;
    }

    private sealed record ProfileRow(int Id, ProfileKind Type, string Nom, string? Secteur, string Competences, string Commune, string CodePostal,
        string? SiteWeb, string Presentation, string Propose, string Cherche, Visibility Visibilite, DateTime? ConsentementLeUtc,
        DateTime? RetireLeUtc, bool Suspendue, bool APhoto, DateTime CreeeLeUtc, DateTime ModifieeLeUtc);

    private sealed record ListingRow(int Id, ListingKind Type, ListingCategory Categorie, string Titre, string Texte, string? Secteur,
        string Competences, DateOnly ExpireLe, DateTime CreeeLeUtc, DateTime? CloseLeUtc, bool Masquee);

    private sealed record ConversationRow(int Id, string Sujet, bool CommenceeParVous, string Avec, int? AnnonceId, DateTime CommenceeLeUtc, DateTime DernierMessageLeUtc);

    private sealed record MessageRow(int Id, int ConversationId, bool EnvoyeParVous, string? De, string Texte, DateTime EnvoyeLeUtc);

    private sealed record BlockRow(string Membre, DateTime BloqueLeUtc);

    /// <summary>What was reported: its number and the name of the member it belongs to, not its content (it is theirs).</summary>
    private sealed record ReportRow(int Id, int? FicheId, int? AnnonceId, string? Membre, string Motif, DateTime FaitLeUtc, ReportOutcome Suite, DateTime? TraiteLeUtc);

    private sealed record DigestRow(DateOnly Semaine, DateTime? EnvoyeeLeUtc);
}
