using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Online;

/// <summary>
/// A member's online payments (each attempt, paid or not) and SEPA mandates. The provider's customer and payment-method
/// ids are shown masked. On deletion the mandates end (nothing more is debited); the attempts stay, as the payments they
/// recorded stay in the journal beside the invoices kept ten years.
/// </summary>
internal sealed class OnlinePaymentsPersonalData(AppDbContext db, TimeProvider clock) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var attempts = await db.Set<OnlinePayment>().AsNoTracking().Where(a => a.UserId == subject.UserId)
            .OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id)
            .Select(a => new AttemptRow(a.Id, db.Invoices.Where(i => i.Id == a.InvoiceId).Select(i => i.Number).FirstOrDefault(),
                a.Provider.ToString(), a.Purpose.ToString(), a.AmountCents / 100m, a.Status.ToString(), a.CreatedAtUtc, a.SettledAtUtc))
            .ToListAsync(ct);
        var mandates = (await db.Set<SepaMandate>().AsNoTracking().Where(m => m.UserId == subject.UserId).OrderBy(m => m.SignedAtUtc)
            .Join(db.Networks, m => m.NetworkId, n => n.Id, (m, n) => new { n.Name, m.CustomerId, m.PaymentMethodId, m.SignedAtUtc, m.EndedAtUtc })
            .ToListAsync(ct))
            .Select(m => new MandateRow(m.Name, Masked(m.CustomerId), Masked(m.PaymentMethodId), m.SignedAtUtc, m.EndedAtUtc));
        return
        [
            PersonalDataSet.Of("paiements-en-ligne", "Paiements en ligne", attempts),
            PersonalDataSet.Of("mandats-sepa", "Mandats de prélèvement SEPA", mandates),
        ];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<SepaMandate>().Where(m => m.UserId == subject.UserId && m.EndedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.EndedAtUtc, now), ct);
    }

    /// <summary>« cus_…4F2a »: enough to recognise it, not to use it.</summary>
    private static string Masked(string id) => id.Length <= 8 ? "…" : $"{id[..4]}…{id[^4..]}";

    private sealed record AttemptRow(int Id, string? Facture, string Prestataire, string Objet, decimal MontantEuros, string Etat,
        DateTime CommenceLeUtc, DateTime? TermineLeUtc);

    private sealed record MandateRow(string Reseau, string ClientChezLePrestataire, string MoyenDePaiement, DateTime SigneLeUtc, DateTime? FinLeUtc);
}
