using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Billing;

public enum InvoiceKind
{
    Invoice = 0,
    /// <summary>Avoir: cancels or corrects an issued invoice, which never changes.</summary>
    CreditNote = 1,
}

/// <summary>
/// An issued invoice or credit note. Once saved it never changes: the issuer's and the client's identity are copied
/// in, the number comes from the issuer's gap-free series inside the issuing transaction, amounts are integer cents.
/// </summary>
public sealed class Invoice
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public Network? Network { get; set; }
    public InvoiceKind Kind { get; set; }

    /// <summary>« F2026-000123 »: prefix, year, sequence of the year.</summary>
    public string Number { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }

    public DateOnly IssueDate { get; set; }
    public DateTime IssuedAtUtc { get; set; }
    public DateOnly DueDate { get; set; }

    public string IssuerName { get; set; } = "";
    public string IssuerAddress { get; set; } = "";
    public string? IssuerSiret { get; set; }
    public string? IssuerVatNumber { get; set; }
    public string? VatMention { get; set; }

    /// <summary>The payee's bank account when the invoice was issued (for a transfer).</summary>
    public string? IssuerIban { get; set; }
    public string? IssuerBic { get; set; }

    /// <summary>The member billed, if the client has an account.</summary>
    public string? UserId { get; set; }
    public string ClientName { get; set; } = "";
    public string? ClientAddress { get; set; }
    public string? ClientEmail { get; set; }
    public string? ClientSiret { get; set; }

    /// <summary>A company client: the 40 € recovery indemnity is mentioned.</summary>
    public bool IsBusinessClient { get; set; }

    public string PaymentTerms { get; set; } = "";

    /// <summary>The network had opted to pay VAT « d'après les débits » when the invoice was issued (printed as such).</summary>
    public bool VatOnDebits { get; set; }

    /// <summary>
    /// Where the services were performed when it is one site: its name and address, one line each, printed as the
    /// delivery address and given as the Factur-X « ship to » party (ADR 0054). Null when the invoice covers several
    /// sites or none.
    /// </summary>
    public string? DeliveryAddress { get; set; }

    public int TotalExclTaxCents { get; set; }
    public int VatCents { get; set; }
    public int TotalInclTaxCents { get; set; }

    /// <summary>For a credit note: the invoice it credits, and its number (printed on the credit note).</summary>
    public int? CreditedInvoiceId { get; set; }
    public string? CreditedInvoiceNumber { get; set; }

    /// <summary>For a credit note: why it was issued, as the manager wrote it (required since credit notes undo what they cancel).</summary>
    public string? CreditReason { get; set; }

    public List<InvoiceLine> Lines { get; } = [];
}
