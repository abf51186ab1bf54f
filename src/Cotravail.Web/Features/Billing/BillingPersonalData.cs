using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

/// <summary>
/// A member's invoices and credit notes (with their lines), the payments received on them, the payment reminders sent about them, the days bought (carnets,
/// subscriptions), the discovery day, reduced-price categories and company accounts. On deletion, invoices, payments
/// and what they sold are kept unchanged (French law: ten years, with the client's name and address as issued);
/// categories and company memberships are deleted, and the discovery day forgets the address it was taken with.
/// </summary>
internal sealed class BillingPersonalData(AppDbContext db) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.UserId == subject.UserId)
            .OrderBy(i => i.IssuedAtUtc).ThenBy(i => i.Id).ToListAsync(ct);
        var ids = invoices.Select(i => i.Id).ToList();
        var payments = await db.Payments.AsNoTracking().Where(p => ids.Contains(p.InvoiceId)).OrderBy(p => p.RecordedAtUtc)
            .Select(p => new PaymentRow(p.Id, p.InvoiceId, p.Method, p.AmountCents / 100m, p.ChequeNumber, p.ChequeBank, p.Reference, p.RecordedAtUtc))
            .ToListAsync(ct);
        var reminders = await db.InvoiceReminders.AsNoTracking().Where(r => ids.Contains(r.InvoiceId)).OrderBy(r => r.SentAtUtc)
            .Join(db.Invoices, r => r.InvoiceId, i => i.Id, (r, i) => new ReminderRow(i.Number, r.Step, r.DaysAfterDue, r.DueCents / 100m, r.SentAtUtc))
            .ToListAsync(ct);
        var entitlements = await db.Entitlements.AsNoTracking().Where(e => e.UserId == subject.UserId).OrderBy(e => e.Id)
            .Select(e => new EntitlementRow(e.Id, e.Name, e.Kind.ToString(), e.Days, e.Used, e.StartsOn, e.ExpiresOn, e.InvoiceId, e.CreatedAtUtc))
            .ToListAsync(ct);
        var discovery = await db.DiscoveryDays.AsNoTracking().Where(d => d.UserId == subject.UserId)
            .Select(d => new DiscoveryRow(d.BookingId, d.TakenAtUtc, d.EmailKey)).ToListAsync(ct);
        var categories = await db.MemberCategoryGrants.AsNoTracking().Where(g => g.UserId == subject.UserId)
            .Select(g => new CategoryRow(g.NetworkId, g.Category.ToString(), g.ValidatedAtUtc)).ToListAsync(ct);
        var companies = await db.CompanyMembers.AsNoTracking().Where(m => m.UserId == subject.UserId)
            .Join(db.Companies, m => m.CompanyId, c => c.Id, (m, c) => new CompanyRow(c.Name, c.Siret)).ToListAsync(ct);
        return
        [
            PersonalDataSet.Of("factures", "Factures et avoirs", invoices.Select(i => new InvoiceRow(
                i.Number, i.Kind.ToString(), i.IssueDate, i.DueDate, i.IssuerName, i.ClientName, i.ClientAddress, i.ClientEmail,
                i.TotalExclTaxCents / 100m, i.VatCents / 100m, i.TotalInclTaxCents / 100m, i.CreditedInvoiceNumber,
                string.Join(" | ", i.Lines.OrderBy(l => l.Position).Select(l => $"{l.Quantity} × {l.Description}"))))),
            PersonalDataSet.Of("paiements", "Paiements", payments),
            PersonalDataSet.Of("relances", "Relances de paiement reçues", reminders),
            PersonalDataSet.Of("droits", "Carnets et abonnements", entitlements),
            PersonalDataSet.Of("journee-decouverte", "Journée découverte", discovery),
            PersonalDataSet.Of("categories", "Catégories de tarif réduit", categories),
            PersonalDataSet.Of("entreprises", "Comptes entreprise", companies),
        ];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        await db.MemberCategoryGrants.Where(g => g.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        await db.CompanyMembers.Where(m => m.UserId == subject.UserId).ExecuteDeleteAsync(ct);
        // The day stays taken by the erased account; the address it was taken with is forgotten.
        await db.DiscoveryDays.Where(d => d.UserId == subject.UserId).ExecuteUpdateAsync(s => s.SetProperty(d => d.EmailKey, (string?)null), ct);
    }

    private sealed record InvoiceRow(string Numero, string Type, DateOnly Date, DateOnly Echeance, string Emetteur, string Client,
        string? AdresseClient, string? EmailClient, decimal TotalHtEuros, decimal TvaEuros, decimal TotalTtcEuros,
        string? FactureAvoiree, string Lignes);

    private sealed record PaymentRow(int Id, int FactureId, PaymentMethod Moyen, decimal MontantEuros, string? NumeroCheque,
        string? Banque, string? Reference, DateTime RecuLeUtc);

    private sealed record ReminderRow(string Facture, int Relance, int JoursApresEcheance, decimal ResteDuEuros, DateTime EnvoyeeLeUtc);

    private sealed record EntitlementRow(int Id, string Nom, string Type, int? Journees, int Utilisees, DateOnly Debut,
        DateOnly Fin, int FactureId, DateTime AcheteLeUtc);

    private sealed record DiscoveryRow(int ReservationId, DateTime PriseLeUtc, string? Adresse);

    private sealed record CategoryRow(int ReseauId, string Categorie, DateTime ValideeLeUtc);

    private sealed record CompanyRow(string Entreprise, string Siret);
}
