using Cotravail.Web.Features.Billing;

namespace Cotravail.Tests.Billing;

/// <summary>Invoices as Cotravail issues them, built in memory: with VAT, under the 293 B franchise, a credit note, a business client.</summary>
internal static class FacturXSamples
{
    public const string Issuer = "Communauté de communes de la Vallée du Lot et du Vignoble";
    public const string IssuerAddress = "12 avenue de la Gare\n46140 Luzech";
    public const string IssuerSiret = "20001967100011";
    public const string Iban = "FR7630001000640000012345618";
    public const string ClientSiret = "73282932000074";
    public const string Place = "Tiers-lieu de Luzech\n3 place du Canal\n46140 Luzech";

    public static readonly string[] Names = ["vat", "exempt", "credit note", "business"];

    public static Invoice Sample(string name)
    {
        var invoice = name switch
        {
            "vat" => Invoice("F2026-000041", [new LineRequest("Pass journée – Luzech", 3, 1000, 2000), new LineRequest("Salle de réunion, 2 h", 1, 2000, 2000),
                new LineRequest("Café et boissons", 7, 130, 550)]),
            "exempt" => Invoice("F2026-000042", [new LineRequest("Carnet de 10 journées – Prayssac", 1, 12000, 0), new LineRequest("Pass demi-journée – Prayssac", 3, 800, 0)]),
            "credit note" => Invoice("F2026-000043", [new LineRequest("Pass journée – Luzech", 2, 1500, 2000)]),
            "business" => Invoice("F2026-000044", [new LineRequest("Bureau privatif, journée – Claire Dubois – novembre 2026", 4, 2500, 2000),
                new LineRequest("Pass journée – Marc Lefèvre – novembre 2026", 9, 1500, 2000)]),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        switch (name)
        {
            case "vat":
                invoice.VatOnDebits = true;
                invoice.DeliveryAddress = Place;
                break;
            case "exempt":
                invoice.IssuerVatNumber = null;
                invoice.VatMention = "TVA non applicable, art. 293 B du CGI";
                break;
            case "credit note":
                invoice.Kind = InvoiceKind.CreditNote;
                invoice.Number = "F2026-000045";
                invoice.CreditedInvoiceId = 41;
                invoice.CreditedInvoiceNumber = "F2026-000041";
                invoice.CreditReason = "Réservation annulée par l'espace";
                break;
            case "business":
                invoice.ClientName = "Les Ateliers du Quercy SARL";
                invoice.ClientAddress = "Zone artisanale du Pech, bâtiment C\n46220 Prayssac";
                invoice.ClientSiret = ClientSiret;
                invoice.IsBusinessClient = true;
                invoice.DeliveryAddress = Place;
                break;
        }
        return invoice;
    }

    private static Invoice Invoice(string number, LineRequest[] lines)
    {
        var invoice = new Invoice
        {
            Id = 1, NetworkId = 1, Number = number, Year = 2026, Sequence = 41,
            IssueDate = new DateOnly(2026, 12, 1), IssuedAtUtc = new DateTime(2026, 12, 1, 9, 30, 0, DateTimeKind.Utc), DueDate = new DateOnly(2026, 12, 31),
            IssuerName = Issuer, IssuerAddress = IssuerAddress, IssuerSiret = IssuerSiret, IssuerVatNumber = "FR12200019671",
            IssuerIban = Iban, IssuerBic = "BDFEFRPPCCT",
            ClientName = "Sophie Martin", ClientEmail = "sophie.martin@example.org",
            PaymentTerms = InvoiceMentions.PaymentTerms(30),
        };
        for (var i = 0; i < lines.Length; i++)
        {
            invoice.Lines.Add(InvoiceMath.Line(lines[i], i + 1));
        }
        InvoiceMath.Total(invoice);
        return invoice;
    }
}
