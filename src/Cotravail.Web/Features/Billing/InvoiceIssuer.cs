using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing;

/// <summary>Who is billed, as printed on the invoice.</summary>
public sealed record ClientIdentity(string? UserId, string Name, string? Address, string? Email, string? Siret = null, bool IsBusiness = false);

/// <summary>
/// Issues invoices and credit notes. The number is taken from the issuer's series for the year inside the issuing
/// transaction (<c>UPDATE … SET Last = Last + 1 … RETURNING</c>): a failed issue rolls its number back, two issues at
/// once get consecutive numbers — one gap-free chronological series per issuer.
/// </summary>
public sealed class InvoiceIssuer(AppDbContext db, TimeProvider clock, Mailing.InvoiceMail mail, Common.Happenings.IHappenings happenings)
{
    public async Task<Invoice> IssueAsync(int networkId, ClientIdentity client, IReadOnlyList<LineRequest> lines, CancellationToken ct) =>
        await IssueAsync(networkId, client, lines, InvoiceKind.Invoice, null, ct);

    /// <summary>An invoice for services performed at one place (<see cref="InvoiceMentions.PlaceOfService(Sites.Site)"/>).</summary>
    public async Task<Invoice> IssueAsync(int networkId, ClientIdentity client, IReadOnlyList<LineRequest> lines, string? placeOfService, CancellationToken ct) =>
        await IssueAsync(networkId, client, lines, InvoiceKind.Invoice, null, ct, invoice => invoice.DeliveryAddress = placeOfService);

    /// <summary>
    /// A credit note for the whole of an invoice that has none yet (the invoice itself never changes). It undoes nothing:
    /// <see cref="Credits.CreditNotes"/> issues credit notes with a reason, per line, and takes back what they cancel.
    /// </summary>
    public async Task<Invoice?> CreditAsync(int invoiceId, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == invoiceId && i.Kind == InvoiceKind.Invoice, ct);
        if (invoice is null)
        {
            return null;
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(invoiceId, ct);
        if (await db.Invoices.AnyAsync(i => i.CreditedInvoiceId == invoiceId, ct))
        {
            return null;
        }
        var lines = invoice.Lines.OrderBy(l => l.Position)
            .Select(l => (new LineRequest(l.Description, l.Quantity, l.UnitPriceInclTaxCents, l.VatRateBasisPoints), l.Id)).ToList();
        var credit = await IssueCreditNoteAsync(invoice, lines, null, ct);
        await tx.CommitAsync(ct);
        return credit;
    }

    /// <summary>
    /// One writer per invoice at a time, inside the caller's transaction: a row lock on PostgreSQL; on SQLite the caller
    /// holds the write gate.
    /// </summary>
    internal async Task LockAsync(int invoiceId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Invoices\" WHERE \"Id\" = {invoiceId} FOR UPDATE", ct);
        }
    }

    /// <summary>A credit note of <paramref name="credited"/>, each line naming the invoice line it credits, in the caller's transaction.</summary>
    internal async Task<Invoice> IssueCreditNoteAsync(
        Invoice credited, IReadOnlyList<(LineRequest Line, int CreditedLineId)> lines, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credited);
        ArgumentNullException.ThrowIfNull(lines);
        var client = new ClientIdentity(credited.UserId, credited.ClientName, credited.ClientAddress, credited.ClientEmail, credited.ClientSiret, credited.IsBusinessClient);
        return await IssueAsync(credited.NetworkId, client, [.. lines.Select(l => l.Line)], InvoiceKind.CreditNote, credited, ct,
            invoice =>
            {
                invoice.CreditReason = reason;
                invoice.DeliveryAddress = credited.DeliveryAddress;
                for (var i = 0; i < lines.Count; i++)
                {
                    invoice.Lines[i].CreditedLineId = lines[i].CreditedLineId;
                }
            });
    }

    private async Task<Invoice> IssueAsync(int networkId, ClientIdentity client, IReadOnlyList<LineRequest> lines,
        InvoiceKind kind, Invoice? credited, CancellationToken ct, Action<Invoice>? complete = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0 || lines.Any(l => InvoiceMath.Problems(l).Count > 0))
        {
            throw new ArgumentException("An invoice needs valid lines.", nameof(lines));
        }
        var network = await db.Networks.AsNoTracking().FirstAsync(n => n.Id == networkId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, Zone));
        var invoice = new Invoice
        {
            NetworkId = networkId, Kind = kind, CreditedInvoiceId = credited?.Id, CreditedInvoiceNumber = credited?.Number,
            IssuedAtUtc = now, IssueDate = today,
            DueDate = today.AddDays(network.PaymentTermsDays), Year = today.Year,
            IssuerName = network.LegalName, IssuerAddress = network.LegalAddress, IssuerSiret = network.Siret, IssuerVatNumber = network.VatNumber,
            IssuerIban = network.Iban, IssuerBic = network.Bic,
            VatMention = network.VatRateBasisPoints == 0 ? network.VatExemptionMention ?? "TVA non applicable" : null,
            UserId = client.UserId, ClientName = client.Name, ClientAddress = client.Address, ClientEmail = client.Email,
            ClientSiret = client.Siret, IsBusinessClient = client.IsBusiness,
            PaymentTerms = InvoiceMentions.PaymentTerms(network.PaymentTermsDays), VatOnDebits = network.VatOnDebits,
        };
        for (var i = 0; i < lines.Count; i++)
        {
            invoice.Lines.Add(InvoiceMath.Line(lines[i], i + 1));
        }
        InvoiceMath.Total(invoice);
        complete?.Invoke(invoice);

        var own = db.Database.CurrentTransaction is null;
        using var gate = own ? await WriteGate.EnterAsync(db, ct) : null;
        await using var tx = own ? await db.Database.BeginTransactionAsync(ct) : null;
        invoice.Sequence = await NextNumberAsync(networkId, invoice.Year, ct);
        invoice.Number = InvoiceMath.Number(network.InvoicePrefix, invoice.Year, invoice.Sequence);
        db.Invoices.Add(invoice);
        await db.SaveChangesAsync(ct);
        await happenings.RecordAsync(new Common.Happenings.InvoiceIssued(invoice.Id, networkId, invoice.Number, kind == InvoiceKind.CreditNote ? "credit-note" : "invoice",
            invoice.TotalInclTaxCents, invoice.IssueDate, invoice.DueDate, invoice.UserId, invoice.CreditedInvoiceId), ct);
        // The client's copy, with its PDF, in the same transaction: an issue rolled back sends nothing.
        await mail.SendAsync(invoice, network, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return invoice;
    }

    private async Task<int> NextNumberAsync(int networkId, int year, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"InvoiceSequences\" (\"NetworkId\", \"Year\", \"Last\") VALUES ({networkId}, {year}, 0) ON CONFLICT DO NOTHING", ct);
        var numbers = await db.Database.SqlQuery<int>(
            $"UPDATE \"InvoiceSequences\" SET \"Last\" = \"Last\" + 1 WHERE \"NetworkId\" = {networkId} AND \"Year\" = {year} RETURNING \"Last\" AS \"Value\"")
            .ToListAsync(ct);
        return numbers.Single();
    }

    /// <summary>Invoices are dated in metropolitan France's time.</summary>
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : TimeZoneInfo.Utc;
}
