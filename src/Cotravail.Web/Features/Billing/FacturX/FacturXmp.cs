using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Cotravail.Web.Features.Billing.FacturX;

/// <summary>What a PDF says of itself, the same in its Info dictionary and in its XMP metadata (PDF/A asks both to agree).</summary>
public sealed record PdfDescription(string Title, string Author, string Subject, string Creator, string Producer, DateTime CreatedUtc);

/// <summary>
/// The XMP metadata of a Factur-X invoice: PDF/A-3 conformance B (<c>pdfaid</c>), the document's title, author, subject,
/// producer and dates, and the Factur-X extension schema (<c>fx</c>, declared through <c>pdfaExtension</c> as PDF/A asks)
/// saying INVOICE, <c>factur-x.xml</c>, version 1.0, conformance level EN 16931.
/// </summary>
public static class FacturXmp
{
    public const string FxNamespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
    public const string ConformanceLevel = "EN 16931";

    private static readonly XNamespace X = "adobe:ns:meta/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace PdfaId = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Pdf = "http://ns.adobe.com/pdf/1.3/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace PdfaExtension = "http://www.aiim.org/pdfa/ns/extension/";
    private static readonly XNamespace PdfaSchema = "http://www.aiim.org/pdfa/ns/schema#";
    private static readonly XNamespace PdfaProperty = "http://www.aiim.org/pdfa/ns/property#";
    private static readonly XNamespace Fx = FxNamespace;

    private static readonly (string Name, string Description, string Value)[] FxProperties =
    [
        ("DocumentFileName", "The name of the embedded XML document", FacturXml.FileName),
        ("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER", "INVOICE"),
        ("Version", "The actual version of the standard applying to the embedded XML document", "1.0"),
        ("ConformanceLevel", "The conformance level of the embedded XML document", ConformanceLevel),
    ];

    /// <summary>The XMP packet, UTF-8.</summary>
    public static byte[] Write(PdfDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var date = XmpDate(description.CreatedUtc);
        var meta = new XElement(X + "xmpmeta", new XAttribute(XNamespace.Xmlns + "x", X),
            new XElement(Rdf + "RDF", new XAttribute(XNamespace.Xmlns + "rdf", Rdf),
                Description(PdfaId, "pdfaid", new XElement(PdfaId + "part", "3"), new XElement(PdfaId + "conformance", "B")),
                Description(Dc, "dc",
                    new XElement(Dc + "format", "application/pdf"),
                    new XElement(Dc + "title", Alt(description.Title)),
                    new XElement(Dc + "creator", new XElement(Rdf + "Seq", new XElement(Rdf + "li", description.Author))),
                    new XElement(Dc + "description", Alt(description.Subject))),
                Description(Pdf, "pdf", new XElement(Pdf + "Producer", description.Producer)),
                Description(Xmp, "xmp",
                    new XElement(Xmp + "CreatorTool", description.Creator),
                    new XElement(Xmp + "CreateDate", date),
                    new XElement(Xmp + "ModifyDate", date),
                    new XElement(Xmp + "MetadataDate", date)),
                new XElement(Rdf + "Description", new XAttribute(Rdf + "about", ""),
                    new XAttribute(XNamespace.Xmlns + "pdfaExtension", PdfaExtension),
                    new XAttribute(XNamespace.Xmlns + "pdfaSchema", PdfaSchema),
                    new XAttribute(XNamespace.Xmlns + "pdfaProperty", PdfaProperty),
                    new XElement(PdfaExtension + "schemas", new XElement(Rdf + "Bag",
                        new XElement(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
                            new XElement(PdfaSchema + "schema", "Factur-X PDFA Extension Schema"),
                            new XElement(PdfaSchema + "namespaceURI", FxNamespace),
                            new XElement(PdfaSchema + "prefix", "fx"),
                            new XElement(PdfaSchema + "property", new XElement(Rdf + "Seq",
                                FxProperties.Select(p => new XElement(Rdf + "li", new XAttribute(Rdf + "parseType", "Resource"),
                                    new XElement(PdfaProperty + "name", p.Name),
                                    new XElement(PdfaProperty + "valueType", "Text"),
                                    new XElement(PdfaProperty + "category", "external"),
                                    new XElement(PdfaProperty + "description", p.Description))))))))),
                Description(Fx, "fx", FxProperties.Select(p => new XElement(Fx + p.Name, p.Value)))));
        var packet = new XDocument(
            new XProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\""),
            meta,
            new XProcessingInstruction("xpacket", "end=\"w\""));
        using var output = new MemoryStream();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, OmitXmlDeclaration = true }))
        {
            packet.Save(writer);
        }
        return output.ToArray();
    }

    /// <summary>An instant as XMP writes it: 2026-12-07T10:00:00+00:00.</summary>
    public static string XmpDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static XElement Description(XNamespace ns, string prefix, params object[] content) =>
        new(Rdf + "Description", new XAttribute(Rdf + "about", ""), new XAttribute(XNamespace.Xmlns + prefix, ns), content);

    private static XElement Alt(string text) =>
        new(Rdf + "Alt", new XElement(Rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), text));
}
