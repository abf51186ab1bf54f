namespace Cotravail.Web.Features.Sites;

/// <summary>A set of sites run by one body (a community of communes), with its own invoicing identity.</summary>
public sealed class Network
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";

    /// <summary>Legal name printed on invoices (for example « Communauté de communes … »).</summary>
    public string LegalName { get; set; } = "";
    public string LegalAddress { get; set; } = "";
    public string? Siret { get; set; }

    /// <summary>
    /// The SIREN of the intercommunality (EPCI) the network serves, from the communes reference: the observatory tells the
    /// people who live inside it from those who come from outside. Null for a network that is not an EPCI's.
    /// </summary>
    public string? EpciSiren { get; set; }
    public string? VatNumber { get; set; }
    public string? ContactEmail { get; set; }

    /// <summary>The account that receives payments (printed on invoices and in payment e-mails), checked by ISO 13616.</summary>
    public string? Iban { get; set; }
    public string? Bic { get; set; }

    /// <summary>VAT rate of the network's sales in basis points (2000 = 20 %); 0 when its sales carry no VAT.</summary>
    public int VatRateBasisPoints { get; set; } = 2000;

    /// <summary>The legal mention printed instead of VAT when the rate is 0 (for example « TVA non applicable, art. 293 B du CGI »).</summary>
    public string? VatExemptionMention { get; set; }

    /// <summary>
    /// The network opted to pay VAT on its services when invoiced (« d'après les débits ») rather than when paid: every
    /// invoice then says so (CGI art. 242 nonies A), and its Factur-X gives the invoice date as the VAT point (code 5).
    /// </summary>
    public bool VatOnDebits { get; set; }

    /// <summary>Days between an invoice and its due date (default 30).</summary>
    public int PaymentTermsDays { get; set; } = 30;

    /// <summary>Prefix of invoice numbers: « F » gives F2026-000123.</summary>
    public string InvoicePrefix { get; set; } = "F";

    /// <summary>
    /// The most a member may owe on the network's online orders of carnets and subscriptions, in euro cents (a new order
    /// that would pass it is refused); null: no cap. Whatever the cap, one unpaid online order per product.
    /// </summary>
    public int? UnpaidOrdersCapCents { get; set; }

    public List<Site> Sites { get; } = [];
}
