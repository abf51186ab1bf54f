using System.Globalization;
using Cotravail.Web.Data;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Billing.Exports;

/// <summary>
/// The journals the public accountant imports: sales (one line per invoice or credit note, credit notes negative) and
/// payments received, for a period, as CSV with French decimals and the configured account codes.
/// </summary>
public sealed class AccountingExport(AppDbContext db, IOptions<AccountCodes> accounts)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    // Amounts may start with a minus sign: formula injection is escaped per text field (Text) rather than for the file.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.None };

    public async Task<byte[]> SalesAsync(IReadOnlyCollection<int> networks, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var a = accounts.Value;
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => networks.Contains(i.NetworkId) && i.IssueDate >= from && i.IssueDate <= to)
            .OrderBy(i => i.NetworkId).ThenBy(i => i.Year).ThenBy(i => i.Sequence).ToListAsync(ct);
        return Write(
            ["Journal", "Date", "Numéro", "Type", "Client", "SIRET client", "Compte client", "Compte de vente", "Compte de TVA", "HT", "TVA", "TTC", "Facture d'origine"],
            invoices.Select(i =>
            {
                var sign = i.Kind == InvoiceKind.CreditNote ? -1 : 1;
                return new[]
                {
                    a.SalesJournal, i.IssueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), i.Number,
                    i.Kind == InvoiceKind.CreditNote ? "Avoir" : "Facture", Text(i.ClientName), i.ClientSiret ?? "",
                    a.Clients, a.Sales, a.Vat, Amount(sign * i.TotalExclTaxCents), Amount(sign * i.VatCents), Amount(sign * i.TotalInclTaxCents),
                    i.CreditedInvoiceNumber ?? "",
                };
            }));
    }

    public async Task<byte[]> PaymentsAsync(IReadOnlyCollection<int> networks, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var a = accounts.Value;
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-2); // the day in France starts before midnight UTC
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rows = await db.Payments.AsNoTracking()
            .Where(p => networks.Contains(p.NetworkId) && p.RecordedAtUtc >= start && p.RecordedAtUtc < end)
            .Join(db.Invoices, p => p.InvoiceId, i => i.Id, (p, i) => new { p, i.Number, i.ClientName })
            .OrderBy(x => x.p.RecordedAtUtc).ThenBy(x => x.p.Id).ToListAsync(ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : TimeZoneInfo.Utc;
        return Write(
            ["Journal", "Date", "Facture", "Client", "Moyen", "Compte de trésorerie", "Compte client", "Montant", "N° de chèque", "Banque", "Référence"],
            rows.Select(x => (x, local: TimeZoneInfo.ConvertTimeFromUtc(x.p.RecordedAtUtc, zone)))
                .Where(r => DateOnly.FromDateTime(r.local) >= from && DateOnly.FromDateTime(r.local) <= to)
                .Select(r => new[]
                {
                    a.PaymentsJournal, r.local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), r.x.Number, Text(r.x.ClientName),
                    r.x.p.Method.French(), r.x.p.Method == PaymentMethod.Cash ? a.Cash : a.Bank, a.Clients, Amount(r.x.p.AmountCents),
                    Text(r.x.p.ChequeNumber ?? ""), Text(r.x.p.ChequeBank ?? ""), Text(r.x.p.Reference ?? ""),
                }));
    }

    /// <summary>Text that a spreadsheet would take for a formula (=, +, -, @) is written as text.</summary>
    private static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Amount(long cents) => (cents / 100m).ToString("0.00", French);

    private static byte[] Write(string[] header, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            csv.WriteRecord(header);
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }
        return stream.ToArray();
    }
}
