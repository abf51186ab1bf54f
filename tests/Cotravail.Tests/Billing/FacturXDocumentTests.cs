using System.Text;
using System.Xml.Linq;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.FacturX;
using Cotravail.Web.Features.Billing.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static Cotravail.Tests.Billing.FacturXRules;

namespace Cotravail.Tests.Billing;

/// <summary>
/// ADR 0054: every invoice and credit note is a Factur-X EN 16931 invoice — its XML valid against the official schema
/// and true to the EN 16931 rules, carried by a PDF/A-3B whose metadata says so — and prints the 2026 mentions.
/// </summary>
public sealed class FacturXDocumentTests
{
    public static TheoryData<string> Samples => [.. FacturXSamples.Names];

    [Fact]
    public void The_official_example_validates_and_a_stray_element_does_not()
    {
        var example = File.ReadAllBytes(ExampleFile);
        Assert.Empty(SchemaErrors(example));
        var doc = XDocument.Load(new MemoryStream(example));
        doc.Root!.Element(Rsm + "ExchangedDocument")!.Add(new XElement(Ram + "Unknown", "x"));
        using var broken = new MemoryStream();
        doc.Save(broken);
        Assert.Single(SchemaErrors(broken.ToArray()));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_xml_validates_against_the_factur_x_en16931_schema(string sample)
    {
        Assert.Empty(SchemaErrors(FacturXml.Write(FacturXSamples.Sample(sample))));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_xml_keeps_the_en16931_rules(string sample)
    {
        var invoice = FacturXSamples.Sample(sample);
        var doc = XDocument.Load(new MemoryStream(FacturXml.Write(invoice)));
        Assert.Empty(Broken(doc));
        var sums = doc.Descendants(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Single();
        Assert.Equal(invoice.TotalExclTaxCents / 100m, Dec(sums.Element(Ram + "TaxBasisTotalAmount")));
        Assert.Equal(invoice.VatCents / 100m, Dec(sums.Element(Ram + "TaxTotalAmount")));
        Assert.Equal(invoice.TotalInclTaxCents / 100m, Dec(sums.Element(Ram + "GrandTotalAmount")));
        Assert.Equal(invoice.Number, doc.Descendants(Ram + "ID").First(e => e.Parent!.Name == Rsm + "ExchangedDocument").Value);
        Assert.Equal("S1", doc.Descendants(Ram + "BusinessProcessSpecifiedDocumentContextParameter").Single().Value);
    }

    [Fact]
    public void Vat_is_broken_down_per_rate_with_its_vat_point()
    {
        var doc = XDocument.Load(new MemoryStream(FacturXml.Write(FacturXSamples.Sample("vat"))));
        var breakdown = doc.Descendants(Ram + "ApplicableHeaderTradeSettlement").Single().Elements(Ram + "ApplicableTradeTax")
            .ToDictionary(b => Dec(b.Element(Ram + "RateApplicablePercent")));
        Assert.Equal([20m, 5.5m], breakdown.Keys.ToArray());
        // 3 × 10,00 + 20,00 at 20 % (VAT included): 41,67 + 8,33; 7 × 1,30 at 5,5 %: 8,63 + 0,47.
        Assert.Equal((41.67m, 8.33m), (Dec(breakdown[20m].Element(Ram + "BasisAmount")), Dec(breakdown[20m].Element(Ram + "CalculatedAmount"))));
        Assert.Equal((8.63m, 0.47m), (Dec(breakdown[5.5m].Element(Ram + "BasisAmount")), Dec(breakdown[5.5m].Element(Ram + "CalculatedAmount"))));
        Assert.All(breakdown.Values, b => Assert.Equal("S", b.Element(Ram + "CategoryCode")!.Value));
        // The network opted for VAT on debits: the VAT point is the invoice date (5), not the payment (72).
        Assert.All(breakdown.Values, b => Assert.Equal("5", b.Element(Ram + "DueDateTypeCode")!.Value));
        Assert.Contains(doc.Descendants(Ram + "IncludedNote"), n => n.Element(Ram + "SubjectCode")!.Value == "TXD"
            && n.Element(Ram + "Content")!.Value == InvoiceMentions.VatOnDebits);
        var means = doc.Descendants(Ram + "SpecifiedTradeSettlementPaymentMeans").Single();
        Assert.Equal(("58", FacturXSamples.Iban), (means.Element(Ram + "TypeCode")!.Value, means.Descendants(Ram + "IBANID").Single().Value));
        Assert.Equal("20261231", doc.Descendants(Ram + "DueDateDateTime").Single().Value);
    }

    [Fact]
    public void The_293_b_franchise_is_category_e_with_its_code_and_reason()
    {
        var doc = XDocument.Load(new MemoryStream(FacturXml.Write(FacturXSamples.Sample("exempt"))));
        var tax = doc.Descendants(Ram + "ApplicableHeaderTradeSettlement").Single().Elements(Ram + "ApplicableTradeTax").Single();
        Assert.Equal("E", tax.Element(Ram + "CategoryCode")!.Value);
        Assert.Equal("VATEX-FR-FRANCHISE", tax.Element(Ram + "ExemptionReasonCode")!.Value);
        Assert.Equal("TVA non applicable, art. 293 B du CGI", tax.Element(Ram + "ExemptionReason")!.Value);
        Assert.Equal(0m, Dec(tax.Element(Ram + "CalculatedAmount")));
        Assert.Null(tax.Element(Ram + "DueDateTypeCode"));
        Assert.All(doc.Descendants(Ram + "IncludedSupplyChainTradeLineItem"),
            l => Assert.Equal("E", l.Descendants(Ram + "CategoryCode").Single().Value));
    }

    [Fact]
    public void A_credit_note_is_381_and_refers_to_its_invoice()
    {
        var doc = XDocument.Load(new MemoryStream(FacturXml.Write(FacturXSamples.Sample("credit note"))));
        Assert.Equal("381", doc.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "TypeCode")!.Value);
        Assert.Equal("F2026-000041", doc.Descendants(Ram + "InvoiceReferencedDocument").Single().Element(Ram + "IssuerAssignedID")!.Value);
        Assert.Empty(doc.Descendants(Ram + "SpecifiedTradeSettlementPaymentMeans"));
        Assert.Contains(doc.Descendants(Ram + "Content"), c => c.Value == "Motif : Réservation annulée par l'espace");
    }

    [Fact]
    public void Seller_and_business_buyer_are_identified_by_siren_and_siret()
    {
        var doc = XDocument.Load(new MemoryStream(FacturXml.Write(FacturXSamples.Sample("business"))));
        var seller = doc.Descendants(Ram + "SellerTradeParty").Single();
        Assert.Equal("200019671", seller.Element(Ram + "SpecifiedLegalOrganization")!.Element(Ram + "ID")!.Value);
        Assert.Equal(FacturXSamples.IssuerSiret, seller.Element(Ram + "GlobalID")!.Value);
        Assert.Equal(("46140", "Luzech", "12 avenue de la Gare"), Address(seller));
        var buyer = doc.Descendants(Ram + "BuyerTradeParty").Single();
        var siren = buyer.Element(Ram + "SpecifiedLegalOrganization")!.Element(Ram + "ID")!;
        Assert.Equal(("0002", "732829320"), (siren.Attribute("schemeID")!.Value, siren.Value));
        Assert.Equal(("46220", "Prayssac", "Zone artisanale du Pech, bâtiment C"), Address(buyer));
        // The recovery indemnity of business clients, and the place of the services (not the client's address).
        Assert.Contains(doc.Descendants(Ram + "SubjectCode"), s => s.Value == "PMT");
        var shipTo = doc.Descendants(Ram + "ShipToTradeParty").Single();
        Assert.Equal("Tiers-lieu de Luzech", shipTo.Element(Ram + "Name")!.Value);
        Assert.Equal(("46140", "Luzech", "3 place du Canal"), Address(shipTo));
        // A member (not a business) has no SIREN.
        var member = XDocument.Load(new MemoryStream(FacturXml.Write(FacturXSamples.Sample("vat"))));
        Assert.Null(member.Descendants(Ram + "BuyerTradeParty").Single().Element(Ram + "SpecifiedLegalOrganization"));
    }

    [Fact]
    public void The_place_of_the_services_is_no_delivery_address_when_it_is_the_clients()
    {
        var invoice = FacturXSamples.Sample("business");
        invoice.ClientAddress = "3, Place du Canal\n46140 LUZECH";
        Assert.Null(InvoiceMentions.DeliveryAddressToShow(invoice));
        Assert.Empty(XDocument.Load(new MemoryStream(FacturXml.Write(invoice))).Descendants(Ram + "ShipToTradeParty"));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_pdf_is_pdf_a_3b_carrying_the_same_xml(string sample)
    {
        var invoice = FacturXSamples.Sample(sample);
        var bytes = InvoicePdf.Render(invoice);
        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files));
        var file = Assert.Single(files);
        Assert.Equal("factur-x.xml", file.Name);
        Assert.Equal(FacturXml.Write(invoice), file.Bytes.ToArray());

        Assert.True(pdf.TryGetXmpMetadata(out var xmp));
        // The packet is UTF-8 as XMP wants (PdfPig's GetXDocument reads it as Latin-1).
        var meta = XDocument.Load(new MemoryStream(xmp.GetXmlBytes().ToArray()));
        XNamespace pdfaid = "http://www.aiim.org/pdfa/ns/id/";
        XNamespace fx = FacturXmp.FxNamespace;
        Assert.Equal("3", meta.Descendants(pdfaid + "part").Single().Value);
        Assert.Equal("B", meta.Descendants(pdfaid + "conformance").Single().Value);
        Assert.Equal("INVOICE", meta.Descendants(fx + "DocumentType").Single().Value);
        Assert.Equal("factur-x.xml", meta.Descendants(fx + "DocumentFileName").Single().Value);
        Assert.Equal("1.0", meta.Descendants(fx + "Version").Single().Value);
        Assert.Equal("EN 16931", meta.Descendants(fx + "ConformanceLevel").Single().Value);
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.Equal(pdf.Information.Title, meta.Descendants(dc + "title").Single().Value);
        Assert.Equal(pdf.Information.Author, meta.Descendants(dc + "creator").Single().Value);
        Assert.Equal($"{InvoicePdf.Title(invoice)} {invoice.Number}", pdf.Information.Title);

        // The catalog lists the file as associated data, with its MIME type, and the sRGB output intent.
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var af = Assert.IsType<ArrayToken>(catalog.Data["AF"]);
        var spec = Assert.IsType<DictionaryToken>(pdf.Structure.GetObject(Assert.IsType<IndirectReferenceToken>(Assert.Single(af.Data)).Data).Data);
        Assert.Equal("Data", Assert.IsType<NameToken>(spec.Data["AFRelationship"]).Data);
        var ef = Assert.IsType<DictionaryToken>(spec.Data["EF"]);
        var stream = Assert.IsType<StreamToken>(pdf.Structure.GetObject(Assert.IsType<IndirectReferenceToken>(ef.Data["F"]).Data).Data);
        Assert.Equal("text/xml", Assert.IsType<NameToken>(stream.StreamDictionary.Data["Subtype"]).Data);
        var intents = Assert.IsType<ArrayToken>(catalog.Data["OutputIntents"]);
        var intent = Assert.IsType<DictionaryToken>(pdf.Structure.GetObject(Assert.IsType<IndirectReferenceToken>(Assert.Single(intents.Data)).Data).Data);
        Assert.Equal("GTS_PDFA1", Assert.IsType<NameToken>(intent.Data["S"]).Data);
        Assert.True(intent.Data.ContainsKey("DestOutputProfile"));
        Assert.StartsWith("%PDF-1.7", Encoding.ASCII.GetString(bytes, 0, 8), StringComparison.Ordinal);

        // Every font is embedded.
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pdf_prints_the_2026_mentions()
    {
        string Text(Invoice invoice)
        {
            using var pdf = PdfDocument.Open(InvoicePdf.Render(invoice));
            return string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        }
        var business = Text(FacturXSamples.Sample("business"));
        Assert.Contains("SIREN : 732829320", business, StringComparison.Ordinal);
        Assert.Contains("Catégorie de l'opération : prestations de services.", business, StringComparison.Ordinal);
        Assert.Contains("Adresse de livraison (lieu de la prestation) Tiers-lieu de Luzech 3 place du Canal 46140 Luzech", business, StringComparison.Ordinal);
        Assert.DoesNotContain("débits", business, StringComparison.Ordinal);
        var vat = Text(FacturXSamples.Sample("vat"));
        Assert.Contains("Option pour le paiement de la TVA d'après les débits.", vat, StringComparison.Ordinal);
        Assert.DoesNotContain("SIREN", vat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Place de la Mairie, 46140 Luzech", "46140", "Luzech", "Place de la Mairie")]
    [InlineData("12 avenue de la Gare\n46140 Luzech", "46140", "Luzech", "12 avenue de la Gare")]
    [InlineData("Mairie\nPlace de l'Église\n46700 Puy-l'Évêque", "46700", "Puy-l'Évêque", "Mairie")]
    [InlineData("Quelque part sans code postal", null, null, "Quelque part sans code postal")]
    [InlineData("", null, null, null)]
    public void A_printed_address_gives_postcode_city_and_street(string text, string? postcode, string? city, string? first)
    {
        var address = PostalAddress.Parse(text);
        Assert.Equal((postcode, city, first), (address.Postcode, address.City, address.Lines.FirstOrDefault()));
    }

    private static (string?, string?, string?) Address(XElement party)
    {
        var a = party.Element(Ram + "PostalTradeAddress")!;
        return (a.Element(Ram + "PostcodeCode")?.Value, a.Element(Ram + "CityName")?.Value, a.Element(Ram + "LineOne")?.Value);
    }
}
