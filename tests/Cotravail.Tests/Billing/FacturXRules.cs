using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Cotravail.Tests.Billing;

/// <summary>
/// Reads a Factur-X XML as a receiver would: against the official Factur-X 1.09 EN 16931 schema, and by the EN 16931
/// business rules that matter to Cotravail's invoices (the schema checks structure only).
/// </summary>
internal static class FacturXRules
{
    public static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    public static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    public static readonly XNamespace Udt = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100";

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Standards", "factur-x-1.09-en16931");

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add(null, Path.Combine(Folder, "Factur-X_EN16931.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>Every message of the schema validation (none for a valid document).</summary>
    public static List<string> SchemaErrors(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    public static string ExampleFile => Path.Combine(Folder, "example-invoice-en16931.xml");

    public static decimal Dec(XElement? e) => decimal.Parse(e?.Value ?? throw new InvalidOperationException("missing element"), CultureInfo.InvariantCulture);

    /// <summary>The EN 16931 rules checked here, each broken one as « BR-xx: what ».</summary>
    public static List<string> Broken(XDocument doc)
    {
        var broken = new List<string>();
        void Check(bool ok, string rule)
        {
            if (!ok)
            {
                broken.Add(rule);
            }
        }
        var root = doc.Root!;
        var settlement = root.Descendants(Ram + "ApplicableHeaderTradeSettlement").Single();
        var sums = settlement.Element(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation")!;
        var lines = root.Descendants(Ram + "IncludedSupplyChainTradeLineItem").ToList();
        var lineNet = lines.Select(l => Dec(l.Descendants(Ram + "LineTotalAmount").Single())).ToList();
        var type = root.Element(Rsm + "ExchangedDocument")!.Element(Ram + "TypeCode")!.Value;

        Check(root.Descendants(Ram + "GuidelineSpecifiedDocumentContextParameter").Single().Value == "urn:cen.eu:en16931:2017", "BR-01: specification identifier");
        Check(type is "380" or "381", "BR-04: invoice type code 380 or 381");
        Check(lines.Count > 0, "BR-16: at least one line");
        foreach (var line in lines)
        {
            var quantity = Dec(line.Descendants(Ram + "BilledQuantity").Single());
            var price = Dec(line.Descendants(Ram + "NetPriceProductTradePrice").Single().Element(Ram + "ChargeAmount"));
            var net = Dec(line.Descendants(Ram + "LineTotalAmount").Single());
            Check(Math.Round(quantity * price, 2, MidpointRounding.AwayFromZero) == net, $"BT-131: line {line.Descendants(Ram + "LineID").Single().Value} net = quantity × net price");
            Check(price >= 0, "BR-27: net price not negative");
        }
        Check(Dec(sums.Element(Ram + "LineTotalAmount")) == lineNet.Sum(), "BR-CO-10: sum of line net amounts");
        Check(Dec(sums.Element(Ram + "TaxBasisTotalAmount")) == Dec(sums.Element(Ram + "LineTotalAmount")), "BR-CO-13: total without VAT = sum of lines (no allowance, no charge)");
        var breakdown = settlement.Elements(Ram + "ApplicableTradeTax").ToList();
        Check(Dec(sums.Element(Ram + "TaxTotalAmount")) == breakdown.Sum(b => Dec(b.Element(Ram + "CalculatedAmount"))), "BR-CO-14: VAT total = sum of the breakdown");
        Check(Dec(sums.Element(Ram + "GrandTotalAmount")) == Dec(sums.Element(Ram + "TaxBasisTotalAmount")) + Dec(sums.Element(Ram + "TaxTotalAmount")), "BR-CO-15: total with VAT");
        Check(Dec(sums.Element(Ram + "DuePayableAmount")) == Dec(sums.Element(Ram + "GrandTotalAmount")), "BR-CO-16: amount due (nothing prepaid)");
        Check(sums.Element(Ram + "TaxTotalAmount")!.Attribute("currencyID")?.Value == "EUR", "BR-CO-? : VAT total in the invoice currency");

        // The VAT breakdown: one per category and rate, its base the sum of its lines (BR-S-08, BR-E-08), its VAT the base × rate (BR-S-09, ±1 as the schematron).
        var lineTaxes = lines.Select(l => (Tax: l.Descendants(Ram + "ApplicableTradeTax").Single(), Net: Dec(l.Descendants(Ram + "LineTotalAmount").Single()))).ToList();
        foreach (var group in lineTaxes.GroupBy(l => (Category: l.Tax.Element(Ram + "CategoryCode")!.Value, Rate: Dec(l.Tax.Element(Ram + "RateApplicablePercent")))))
        {
            var match = breakdown.Where(b => b.Element(Ram + "CategoryCode")!.Value == group.Key.Category && Dec(b.Element(Ram + "RateApplicablePercent")) == group.Key.Rate).ToList();
            Check(match.Count == 1, $"BR-CO-18: one VAT breakdown for {group.Key.Category} {group.Key.Rate}");
            if (match.Count != 1)
            {
                continue;
            }
            var basis = Dec(match[0].Element(Ram + "BasisAmount"));
            var vat = Dec(match[0].Element(Ram + "CalculatedAmount"));
            Check(basis == group.Sum(l => l.Net), $"BR-{group.Key.Category}-08: base of {group.Key.Rate} % = sum of its lines");
            if (group.Key.Category == "S")
            {
                Check(group.Key.Rate > 0, "BR-S-05: standard rate above zero");
                Check(Math.Abs(vat - Math.Round(basis * group.Key.Rate / 100, 2, MidpointRounding.AwayFromZero)) <= 0.01m * group.Count(), $"BR-S-09: VAT of {group.Key.Rate} % = base × rate");
                Check(match[0].Element(Ram + "ExemptionReason") is null && match[0].Element(Ram + "ExemptionReasonCode") is null, "BR-S-10: no exemption reason");
            }
            else
            {
                Check(group.Key.Category == "E" && group.Key.Rate == 0 && vat == 0, "BR-E-05/09: exempt at 0 with no VAT");
                Check(match[0].Element(Ram + "ExemptionReason")?.Value.Length > 0 && match[0].Element(Ram + "ExemptionReasonCode")?.Value == "VATEX-FR-FRANCHISE",
                    "BR-E-10: exemption reason and code");
            }
        }
        Check(breakdown.Count == lineTaxes.Select(l => (l.Tax.Element(Ram + "CategoryCode")!.Value, Dec(l.Tax.Element(Ram + "RateApplicablePercent")))).Distinct().Count(), "BR-CO-18: no breakdown without lines");

        var seller = root.Descendants(Ram + "SellerTradeParty").Single();
        var sellerSiren = seller.Element(Ram + "SpecifiedLegalOrganization")?.Element(Ram + "ID");
        var sellerSiret = seller.Elements(Ram + "GlobalID").SingleOrDefault(g => g.Attribute("schemeID")?.Value == "0009");
        Check(seller.Element(Ram + "Name")?.Value.Length > 0, "BR-06: seller name");
        Check(seller.Element(Ram + "PostalTradeAddress")?.Element(Ram + "CountryID")?.Value == "FR", "BR-09: seller country");
        Check(sellerSiren?.Attribute("schemeID")?.Value == "0002" && sellerSiren.Value.Length == 9, "BT-30: seller SIREN (scheme 0002)");
        Check(sellerSiret is not null && sellerSiret.Value.StartsWith(sellerSiren?.Value ?? "-", StringComparison.Ordinal) && sellerSiret.Value.Length == 14, "BT-29: seller SIRET (scheme 0009) of that SIREN");
        if (breakdown.Any(b => b.Element(Ram + "CategoryCode")!.Value == "S"))
        {
            Check(seller.Elements(Ram + "SpecifiedTaxRegistration").Any(r => r.Element(Ram + "ID")?.Attribute("schemeID")?.Value == "VA"), "BR-S-02: seller VAT identifier");
        }
        var buyer = root.Descendants(Ram + "BuyerTradeParty").Single();
        Check(buyer.Element(Ram + "Name")?.Value.Length > 0, "BR-07: buyer name");
        Check(buyer.Element(Ram + "PostalTradeAddress")?.Element(Ram + "CountryID")?.Value == "FR", "BR-10/11: buyer address and country");

        var referenced = settlement.Element(Ram + "InvoiceReferencedDocument")?.Element(Ram + "IssuerAssignedID")?.Value;
        Check(type != "381" || referenced?.Length > 0, "BR-55 (credit note): the preceding invoice is referred to");
        var means = settlement.Element(Ram + "SpecifiedTradeSettlementPaymentMeans");
        Check(means is null || (means.Element(Ram + "TypeCode")?.Value == "58" && means.Descendants(Ram + "IBANID").Any()), "BR-50/BR-61: a credit transfer names the IBAN");
        var terms = settlement.Element(Ram + "SpecifiedTradePaymentTerms");
        Check(Dec(sums.Element(Ram + "DuePayableAmount")) <= 0 || terms?.Element(Ram + "DueDateDateTime") is not null || terms?.Element(Ram + "Description") is not null,
            "BR-CO-25: due date or terms when an amount is due");
        return broken;
    }
}
