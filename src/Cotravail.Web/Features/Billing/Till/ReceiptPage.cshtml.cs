using System.Globalization;
using System.Text;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Till;

/// <summary>An invoice a receipt settled: what was paid on it, and what remains due on it today.</summary>
public sealed record ReceiptLine(string Number, DateOnly IssueDate, int PaidCents, int DueCents);

/// <summary>
/// A receipt of the site's till, to print (the page is its own print layout) or to e-mail once to the payer: « Reçu n° … »,
/// the money received and the invoices it settled, with what remains due. A receipt is not an invoice.
/// </summary>
public sealed class ReceiptPageModel(AppDbContext db, Payments payments, IMailSender mail, TimeProvider clock) : LocalizedPage
{
    public Site Site { get; private set; } = null!;
    public Network Network { get; private set; } = null!;
    public Receipt Receipt { get; private set; } = null!;
    public IReadOnlyList<ReceiptLine> Lines { get; private set; } = [];
    public string RecordedBy { get; private set; } = "";

    /// <summary>Where an e-mail would go: the payer's account, or the company's billing address; null when nowhere.</summary>
    public string? MailTo { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int id, CancellationToken ct) =>
        await LoadAsync(slug, id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostEmailAsync(string slug, int id, CancellationToken ct)
    {
        if (!await LoadAsync(slug, id, ct))
        {
            return NotFound();
        }
        if (MailTo is null)
        {
            Notice = T["Ce reçu n'a pas d'adresse e-mail où l'envoyer : imprimez-le."];
            return Redirect(Here(slug));
        }
        using var gate = await WriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Once: only the request that marks it sends it (the outbox sends the mail only if this commits).
        var marked = await db.Receipts.Where(r => r.Id == Receipt.Id && r.EmailedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EmailedAtUtc, now), ct);
        if (marked == 0)
        {
            Notice = T["Ce reçu a déjà été envoyé par e-mail."];
            return Redirect(Here(slug));
        }
        var message = Mail();
        if (Receipt.PayerUserId is { } userId)
        {
            await mail.SendToAccountAsync(userId, message, ct);
        }
        else
        {
            await mail.SendAsync(message, ct);
        }
        await tx.CommitAsync(ct);
        Notice = T["Reçu envoyé par e-mail à {0}.", MailTo];
        return Redirect(Here(slug));
    }

    private string Here(string slug) => $"/accueil/{slug}/caisse/recus/{Receipt.Id}";

    /// <summary>The receipt as the payer reads it, in French (the language of the network's documents), text and HTML.</summary>
    private OutgoingMail Mail()
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        string Euros(int cents) => (cents / 100m).ToString("C2", fr).Replace('\u202f', '\u00a0');
        var body = new MailText()
            .Paragraph("Bonjour,")
            .Paragraph($"Voici le reçu n° {Receipt.Number} de votre paiement du {Format.LongDate(Receipt.Date, fr)} ({Site.Name}) : {Euros(Receipt.TotalCents)} ({Receipt.Method.French()}).")
            .Paragraph(["Factures réglées :", .. Lines.Select(l => $"- {l.Number} du {Format.Date(l.IssueDate, fr)} : {Euros(l.PaidCents)} réglés, reste dû {Euros(l.DueCents)}")])
            .Paragraph("Ce reçu n'est pas une facture : vos factures sont sur Cotravail, page « Mes factures ».")
            .Paragraph("Bien cordialement,", Network.LegalName, Site.Name);
        return body.ToMail($"Reçu n° {Receipt.Number} – {Network.LegalName}") with { To = MailTo! };
    }

    private async Task<bool> LoadAsync(string slug, int id, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
        var receipt = site is null ? null : await db.Receipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.SiteId == site.Id, ct);
        if (site is null || receipt is null)
        {
            return false;
        }
        Site = site;
        Receipt = receipt;
        Network = await db.Networks.AsNoTracking().FirstAsync(n => n.Id == receipt.NetworkId, ct);
        var paid = await db.Payments.AsNoTracking().Where(p => p.ReceiptId == receipt.Id)
            .Join(db.Invoices, p => p.InvoiceId, i => i.Id, (p, i) => new { p.InvoiceId, p.AmountCents, i.Number, i.IssueDate, i.Year, i.Sequence })
            .ToListAsync(ct);
        var lines = new List<ReceiptLine>();
        foreach (var p in paid.OrderBy(p => p.IssueDate).ThenBy(p => p.Year).ThenBy(p => p.Sequence))
        {
            lines.Add(new ReceiptLine(p.Number, p.IssueDate, p.AmountCents, await payments.DueCentsAsync(p.InvoiceId, ct)));
        }
        Lines = lines;
        RecordedBy = await db.Users.AsNoTracking().Where(u => u.Id == receipt.RecordedByUserId)
            .Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefaultAsync(ct) ?? "";
        if (receipt.PayerUserId is { } userId)
        {
            MailTo = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        }
        else if (receipt.PayerCompanyId is { } companyId)
        {
            MailTo = await db.Companies.AsNoTracking().Where(c => c.Id == companyId).Select(c => c.Email).FirstOrDefaultAsync(ct);
        }
        MailTo = string.IsNullOrWhiteSpace(MailTo) ? null : MailTo;
        return true;
    }
}
