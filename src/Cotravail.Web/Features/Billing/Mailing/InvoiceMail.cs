using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Features.Billing.Pdf;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Billing.Mailing;

/// <summary>
/// The e-mail of an invoice or credit note as it is issued: its PDF attached, the amount, the due date, the payment
/// terms and how to pay (the network's bank details when it has them, or at reception). Written to the outbox in the
/// issuing transaction (ADR 0038), so an issue that is rolled back sends nothing. To the client's account when the
/// client has one (its address read as the mail is written), else to the address printed on the invoice, else to no one.
/// </summary>
public sealed class InvoiceMail(IMailSender mail, PublicAddress address)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Writes the mail of <paramref name="invoice"/> (saved, numbered, with its lines); false when the client has no address.</summary>
    public async Task<bool> SendAsync(Invoice invoice, Network network, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(network);
        var message = Compose(invoice, network, invoice.UserId is null ? null : address.Absolute("/mes-factures"));
        if (invoice.UserId is { } userId && await mail.SendToAccountAsync(userId, message, ct))
        {
            return true;
        }
        if (string.IsNullOrWhiteSpace(invoice.ClientEmail))
        {
            return false;
        }
        await mail.SendAsync(message with { To = invoice.ClientEmail.Trim() }, ct);
        return true;
    }

    /// <summary>The mail, without its recipient: subject, text, HTML and the PDF. <paramref name="invoicesLink"/>: « Mes factures », for a client with an account.</summary>
    public static OutgoingMail Compose(Invoice invoice, Network network, string? invoicesLink)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(network);
        var credit = invoice.Kind == InvoiceKind.CreditNote;
        var what = credit ? "Avoir" : "Facture";
        var body = new MailText();
        body.Paragraph("Bonjour,");
        body.Paragraph(credit
            ? $"Vous trouverez ci-joint l'avoir {invoice.Number} du réseau {network.Name}, émis le {Day(invoice.IssueDate)}."
            : $"Vous trouverez ci-joint la facture {invoice.Number} du réseau {network.Name}, émise le {Day(invoice.IssueDate)}.");
        body.Paragraph([.. invoice.Lines.OrderBy(l => l.Position).Select(l => $"- {l.Description}{(l.Quantity > 1 ? $" × {l.Quantity}" : "")} : {Euros(l.TotalInclTaxCents)}")]);
        if (credit)
        {
            body.Paragraph(
                invoice.CreditedInvoiceNumber is { } credited
                    ? $"Montant de l'avoir : {Euros(invoice.TotalInclTaxCents)} TTC, sur la facture {credited}."
                    : $"Montant de l'avoir : {Euros(invoice.TotalInclTaxCents)} TTC.",
                "Ce montant est déduit de ce que vous devez sur cette facture ; si elle est déjà réglée, le réseau vous contacte pour le remboursement éventuel : vous n'avez rien à faire.");
        }
        else
        {
            body.Paragraph(
                $"Montant : {Euros(invoice.TotalInclTaxCents)} TTC",
                $"À régler au plus tard le {Day(invoice.DueDate)}",
                $"Conditions de paiement : {invoice.PaymentTerms}");
            if (invoice.TotalInclTaxCents > 0)
            {
                body.Paragraph([.. HowToPay(invoice)]);
            }
        }
        if (invoicesLink is not null)
        {
            body.Link(credit ? "Vos factures et avoirs sont aussi sur Cotravail, page « Mes factures » :" : "Vos factures sont aussi sur Cotravail, page « Mes factures » :", invoicesLink);
        }
        if (!string.IsNullOrWhiteSpace(network.ContactEmail))
        {
            body.Paragraph($"Une question ? Écrivez à {network.ContactEmail.Trim()}.");
        }
        body.Paragraph("Bien cordialement,", network.Name, invoice.IssuerName);
        var subject = $"{what} {invoice.Number} – {network.Name}";
        return body.ToMail(subject) with
        {
            Attachments = [new MailAttachment($"{invoice.Number}.pdf", "application/pdf", InvoicePdf.Render(invoice))],
        };
    }

    /// <summary>« Pour régler : par virement … ; ou à l'accueil … », and a word for those who paid on the spot.</summary>
    private static IEnumerable<string> HowToPay(Invoice invoice)
    {
        yield return "Pour régler :";
        if (invoice.IssuerIban is { Length: > 0 } iban)
        {
            var bic = invoice.IssuerBic is { Length: > 0 } b ? $" – BIC {b}" : "";
            yield return $"- par virement : IBAN {BankAccount.Grouped(iban)}{bic}, référence {invoice.Number} ;";
            yield return "- ou à l'accueil d'un de nos tiers-lieux (espèces, chèque ou carte).";
        }
        else
        {
            yield return "- à l'accueil d'un de nos tiers-lieux (espèces, chèque ou carte), en indiquant le numéro de facture.";
        }
        yield return "Si vous l'avez déjà réglée (à l'accueil par exemple), vous n'avez rien à faire.";
    }

    private static string Day(DateOnly day) => Common.Format.Date(day, French);

    private static string Euros(int cents) =>
        (cents / 100m).ToString("#,##0.00", French).Replace('\u202f', ' ').Replace('\u00a0', ' ') + " €";
}
