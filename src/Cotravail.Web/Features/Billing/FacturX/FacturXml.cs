using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Cotravail.Web.Features.Billing.FacturX;

/// <summary>
/// An invoice or credit note as Factur-X XML: UN/CEFACT Cross Industry Invoice D22B, profile EN 16931 (guideline
/// <c>urn:cen.eu:en16931:2017</c>), as in the Factur-X 1.09 schema. What it says is what the PDF prints: seller
/// (SIRET as global id 0009, SIREN as legal id 0002, VAT number), buyer (SIREN of a business client), one line per
/// invoice line (net price, quantity, net amount), the VAT breakdown per rate — category S, or E with the exemption
/// code <c>VATEX-FR-FRANCHISE</c> and the printed reason when the network charges no VAT (art. 293 B du CGI) —, the
/// transfer to the network's IBAN (means 58, SEPA credit transfer), the terms and due date, the totals; a credit note
/// (381) names the invoice it credits. The 2026 mentions: category of operation « S1 » (services, BT-23), VAT on
/// debits as the VAT point code 5 (invoice date) — 72 (when paid) otherwise —, the place of the services as « ship to ».
/// </summary>
public static class FacturXml
{
    public const string FileName = "factur-x.xml";
    public const string Guideline = "urn:cen.eu:en16931:2017";

    /// <summary>BT-23 of the French e-invoicing rules: S1, an invoice of services.</summary>
    public const string ServicesProcess = "S1";

    public const string FranchiseCode = "VATEX-FR-FRANCHISE";

    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";
    private static readonly XNamespace Qdt = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100";

    /// <summary>The XML, UTF-8 without byte-order mark.</summary>
    public static byte[] Write(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), Root(invoice));
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            document.Save(writer);
        }
        return output.ToArray();
    }

    private static XElement Root(Invoice invoice) =>
        new(Rsm + "CrossIndustryInvoice",
            new XAttribute(XNamespace.Xmlns + "rsm", Rsm), new XAttribute(XNamespace.Xmlns + "ram", Ram),
            new XAttribute(XNamespace.Xmlns + "udt", Udt), new XAttribute(XNamespace.Xmlns + "qdt", Qdt),
            new XElement(Rsm + "ExchangedDocumentContext",
                new XElement(Ram + "BusinessProcessSpecifiedDocumentContextParameter", new XElement(Ram + "ID", ServicesProcess)),
                new XElement(Ram + "GuidelineSpecifiedDocumentContextParameter", new XElement(Ram + "ID", Guideline))),
            new XElement(Rsm + "ExchangedDocument",
                new XElement(Ram + "ID", invoice.Number),
                new XElement(Ram + "TypeCode", invoice.Kind == InvoiceKind.CreditNote ? "381" : "380"),
                new XElement(Ram + "IssueDateTime", DateString(Udt, invoice.IssueDate)),
                Notes(invoice)),
            new XElement(Rsm + "SupplyChainTradeTransaction",
                invoice.Lines.OrderBy(l => l.Position).Select(l => Line(invoice, l)),
                Agreement(invoice),
                Delivery(invoice),
                Settlement(invoice)));

    /// <summary>The printed mentions as notes (UNTDID 4451 subjects): REG legal, AAI general, TXD tax, PMD penalties, PMT indemnity, AAB discount.</summary>
    private static IEnumerable<XElement> Notes(Invoice invoice)
    {
        var notes = new List<(string Text, string Subject)> { (InvoiceMentions.OperationCategory, "AAI") };
        if (invoice.VatOnDebits)
        {
            notes.Add((InvoiceMentions.VatOnDebits, "TXD"));
        }
        if (invoice.Kind == InvoiceKind.CreditNote && invoice.CreditReason is { Length: > 0 } reason)
        {
            notes.Add(($"Motif : {reason}", "AAI"));
        }
        notes.Add((InvoiceMentions.LatePenalty, "PMD"));
        if (invoice.IsBusinessClient)
        {
            notes.Add((InvoiceMentions.RecoveryIndemnity, "PMT"));
        }
        notes.Add(("Pas d'escompte pour paiement anticipé.", "AAB"));
        return notes.Select(n => new XElement(Ram + "IncludedNote", new XElement(Ram + "Content", n.Text), new XElement(Ram + "SubjectCode", n.Subject)));
    }

    private static XElement Line(Invoice invoice, InvoiceLine line) =>
        new(Ram + "IncludedSupplyChainTradeLineItem",
            new XElement(Ram + "AssociatedDocumentLineDocument", new XElement(Ram + "LineID", line.Position.ToString(CultureInfo.InvariantCulture))),
            new XElement(Ram + "SpecifiedTradeProduct", new XElement(Ram + "Name", line.Description)),
            new XElement(Ram + "SpecifiedLineTradeAgreement",
                new XElement(Ram + "NetPriceProductTradePrice", new XElement(Ram + "ChargeAmount", NetPrice(line)))),
            new XElement(Ram + "SpecifiedLineTradeDelivery",
                new XElement(Ram + "BilledQuantity", new XAttribute("unitCode", "C62"), line.Quantity.ToString(CultureInfo.InvariantCulture))),
            new XElement(Ram + "SpecifiedLineTradeSettlement",
                new XElement(Ram + "ApplicableTradeTax",
                    new XElement(Ram + "TypeCode", "VAT"),
                    new XElement(Ram + "CategoryCode", Category(line.VatRateBasisPoints)),
                    new XElement(Ram + "RateApplicablePercent", Percent(line.VatRateBasisPoints))),
                new XElement(Ram + "SpecifiedTradeSettlementLineMonetarySummation",
                    new XElement(Ram + "LineTotalAmount", Amount(line.TotalExclTaxCents)))));

    /// <summary>
    /// The net unit price (BT-146): the printed unit price excluding tax when quantity × it gives the line's amount, else
    /// the line's amount divided by the quantity to four decimals (prices are set VAT included, the line is rounded once).
    /// </summary>
    internal static string NetPrice(InvoiceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if ((long)line.UnitPriceExclTaxCents * line.Quantity == line.TotalExclTaxCents)
        {
            return Amount(line.UnitPriceExclTaxCents);
        }
        var price = Math.Round(line.TotalExclTaxCents / 100m / line.Quantity, 4, MidpointRounding.AwayFromZero);
        return price.ToString("0.0000", CultureInfo.InvariantCulture);
    }

    private static XElement Agreement(Invoice invoice)
    {
        var seller = PostalAddress.Parse(invoice.IssuerAddress);
        var sellerSiren = InvoiceMentions.Siren(invoice.IssuerSiret);
        var buyerSiren = invoice.IsBusinessClient ? InvoiceMentions.Siren(invoice.ClientSiret) : null;
        return new XElement(Ram + "ApplicableHeaderTradeAgreement",
            new XElement(Ram + "SellerTradeParty",
                invoice.IssuerSiret is { } siret ? new XElement(Ram + "GlobalID", new XAttribute("schemeID", "0009"), siret) : null,
                new XElement(Ram + "Name", invoice.IssuerName),
                sellerSiren is null ? null : new XElement(Ram + "SpecifiedLegalOrganization", new XElement(Ram + "ID", new XAttribute("schemeID", "0002"), sellerSiren)),
                Address(seller),
                sellerSiren is null ? null : new XElement(Ram + "URIUniversalCommunication", new XElement(Ram + "URIID", new XAttribute("schemeID", "0225"), sellerSiren)),
                invoice.IssuerVatNumber is { } vat ? new XElement(Ram + "SpecifiedTaxRegistration", new XElement(Ram + "ID", new XAttribute("schemeID", "VA"), vat)) : null),
            new XElement(Ram + "BuyerTradeParty",
                invoice.IsBusinessClient && invoice.ClientSiret is { } clientSiret ? new XElement(Ram + "GlobalID", new XAttribute("schemeID", "0009"), clientSiret) : null,
                new XElement(Ram + "Name", invoice.ClientName),
                buyerSiren is null ? null : new XElement(Ram + "SpecifiedLegalOrganization", new XElement(Ram + "ID", new XAttribute("schemeID", "0002"), buyerSiren)),
                Address(PostalAddress.Parse(invoice.ClientAddress)),
                buyerSiren is not null
                    ? new XElement(Ram + "URIUniversalCommunication", new XElement(Ram + "URIID", new XAttribute("schemeID", "0225"), buyerSiren))
                    : invoice.ClientEmail is { Length: > 0 } email
                        ? new XElement(Ram + "URIUniversalCommunication", new XElement(Ram + "URIID", new XAttribute("schemeID", "EM"), email))
                        : null));
    }

    /// <summary>The place of the services (a site) as « ship to » when it differs from the client's address.</summary>
    private static XElement Delivery(Invoice invoice)
    {
        var place = InvoiceMentions.DeliveryAddressToShow(invoice);
        if (place is null)
        {
            return new XElement(Ram + "ApplicableHeaderTradeDelivery");
        }
        var lines = place.Split('\n');
        return new XElement(Ram + "ApplicableHeaderTradeDelivery",
            new XElement(Ram + "ShipToTradeParty",
                new XElement(Ram + "Name", lines[0]),
                Address(PostalAddress.Parse(string.Join('\n', lines.Skip(1))))));
    }

    private static XElement Address(PostalAddress address) =>
        new(Ram + "PostalTradeAddress",
            address.Postcode is null ? null : new XElement(Ram + "PostcodeCode", address.Postcode),
            address.Lines.Count > 0 ? new XElement(Ram + "LineOne", address.Lines[0]) : null,
            address.Lines.Count > 1 ? new XElement(Ram + "LineTwo", address.Lines[1]) : null,
            address.Lines.Count > 2 ? new XElement(Ram + "LineThree", address.Lines[2]) : null,
            address.City is null ? null : new XElement(Ram + "CityName", address.City),
            new XElement(Ram + "CountryID", "FR"));

    private static XElement Settlement(Invoice invoice)
    {
        var isCredit = invoice.Kind == InvoiceKind.CreditNote;
        return new XElement(Ram + "ApplicableHeaderTradeSettlement",
            isCredit ? null : new XElement(Ram + "PaymentReference", invoice.Number),
            new XElement(Ram + "InvoiceCurrencyCode", "EUR"),
            !isCredit && invoice.IssuerIban is { } iban
                ? new XElement(Ram + "SpecifiedTradeSettlementPaymentMeans",
                    new XElement(Ram + "TypeCode", "58"),
                    new XElement(Ram + "Information", "Virement SEPA"),
                    new XElement(Ram + "PayeePartyCreditorFinancialAccount", new XElement(Ram + "IBANID", iban)),
                    invoice.IssuerBic is { } bic ? new XElement(Ram + "PayeeSpecifiedCreditorFinancialInstitution", new XElement(Ram + "BICID", bic)) : null)
                : null,
            Breakdown(invoice),
            new XElement(Ram + "SpecifiedTradePaymentTerms",
                new XElement(Ram + "Description", invoice.PaymentTerms),
                new XElement(Ram + "DueDateDateTime", DateString(Udt, invoice.DueDate))),
            new XElement(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation",
                new XElement(Ram + "LineTotalAmount", Amount(invoice.TotalExclTaxCents)),
                new XElement(Ram + "TaxBasisTotalAmount", Amount(invoice.TotalExclTaxCents)),
                new XElement(Ram + "TaxTotalAmount", new XAttribute("currencyID", "EUR"), Amount(invoice.VatCents)),
                new XElement(Ram + "GrandTotalAmount", Amount(invoice.TotalInclTaxCents)),
                new XElement(Ram + "DuePayableAmount", Amount(invoice.TotalInclTaxCents))),
            isCredit && invoice.CreditedInvoiceNumber is { } credited
                ? new XElement(Ram + "InvoiceReferencedDocument", new XElement(Ram + "IssuerAssignedID", credited))
                : null);
    }

    /// <summary>One VAT breakdown per rate: the sum of the lines' net amounts and of their VAT (each line rounded once).</summary>
    private static IEnumerable<XElement> Breakdown(Invoice invoice) =>
        invoice.Lines.GroupBy(l => l.VatRateBasisPoints).OrderByDescending(g => g.Key).Select(g =>
        {
            var exempt = Category(g.Key) == "E";
            return new XElement(Ram + "ApplicableTradeTax",
                new XElement(Ram + "CalculatedAmount", Amount(g.Sum(l => (long)l.VatCents))),
                new XElement(Ram + "TypeCode", "VAT"),
                exempt ? new XElement(Ram + "ExemptionReason", ExemptionReason(invoice)) : null,
                new XElement(Ram + "BasisAmount", Amount(g.Sum(l => (long)l.TotalExclTaxCents))),
                new XElement(Ram + "CategoryCode", exempt ? "E" : "S"),
                exempt ? new XElement(Ram + "ExemptionReasonCode", FranchiseCode) : null,
                exempt ? null : new XElement(Ram + "DueDateTypeCode", invoice.VatOnDebits ? "5" : "72"),
                new XElement(Ram + "RateApplicablePercent", Percent(g.Key)));
        });

    /// <summary>S (standard) for a positive rate; E (exempt) for a rate of 0, the network being « en franchise en base ».</summary>
    private static string Category(int rateBasisPoints) => rateBasisPoints > 0 ? "S" : "E";

    internal static string ExemptionReason(Invoice invoice) =>
        invoice.VatMention is { Length: > 0 } mention ? mention : "TVA non applicable, art. 293 B du CGI";

    private static XElement DateString(XNamespace ns, DateOnly date) =>
        new(ns + "DateTimeString", new XAttribute("format", "102"), date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    internal static string Amount(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
