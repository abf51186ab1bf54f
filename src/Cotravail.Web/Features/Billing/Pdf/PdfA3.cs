using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Cotravail.Web.Features.Billing.FacturX;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Cotravail.Web.Features.Billing.Pdf;

/// <summary>
/// Makes a PDFsharp document a PDF/A-3B Factur-X invoice (ADR 0054). Before saving: PDF 1.7, the sRGB output intent
/// (profile of Debian's icc-profiles-free, Zlib licence), and <c>factur-x.xml</c> embedded as an associated file
/// (<c>AFRelationship /Data</c>, MIME <c>text/xml</c>, listed in the catalog's <c>/AF</c>). PDFsharp 6.2 always writes
/// its own XMP packet (PDF/A-1A when asked for PDF/A, with a tagged structure this layout has not), so after saving,
/// one incremental update (ISO 32000-1 § 7.5.6) replaces that metadata stream and the Info dictionary with the PDF/A-3B
/// and Factur-X ones of <see cref="FacturXmp"/>, the two saying the same.
/// </summary>
internal static partial class PdfA3
{
    private static readonly Lazy<byte[]> SrgbProfile = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cotravail.Web.FacturX.sRGB.icc")
            ?? throw new InvalidOperationException("The sRGB profile is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>What is added before saving: the version, the output intent and the attached XML.</summary>
    public static void Prepare(PdfDocument document, byte[] xml, DateTime createdUtc)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(xml);
        document.Version = 17;
        var catalog = document.Internals.Catalog;

        var profile = new PdfDictionary(document);
        profile.CreateStream(SrgbProfile.Value);
        profile.Elements.SetInteger("/N", 3);
        document.Internals.AddObject(profile);
        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", "sRGB IEC61966-2.1");
        intent.Elements.SetString("/RegistryName", "http://www.color.org");
        intent.Elements.SetString("/Info", "sRGB IEC61966-2.1");
        intent.Elements.SetReference("/DestOutputProfile", profile);
        document.Internals.AddObject(intent);
        catalog.Elements["/OutputIntents"] = new PdfArray(document, intent.Reference!);

        document.AddEmbeddedFile(FacturXml.FileName, new MemoryStream(xml));
        var names = catalog.Names.Elements.GetDictionary("/EmbeddedFiles")?.Elements.GetArray("/Names")
            ?? throw new InvalidOperationException("PDFsharp did not list the embedded file.");
        var spec = (PdfDictionary)((PdfReference)names.Elements[^1]).Value;
        spec.Elements.SetName("/AFRelationship", "/Data");
        spec.Elements.SetString("/Desc", "Factur-X EN 16931 invoice data");
        var file = (PdfDictionary)(spec.Elements.GetDictionary("/EF")?.Elements.GetReference("/F")?.Value
            ?? throw new InvalidOperationException("PDFsharp did not write the embedded file stream."));
        file.Elements.SetName("/Subtype", "/text/xml");
        var parameters = file.Elements.GetDictionary("/Params") ?? new PdfDictionary(document);
        parameters.Elements.SetString("/CreationDate", PdfDate(createdUtc));
        parameters.Elements.SetString("/ModDate", PdfDate(createdUtc));
        file.Elements["/Params"] = parameters;
        catalog.Elements["/AF"] = new PdfArray(document, spec.Reference!);
    }

    /// <summary>The saved PDF with one incremental update: the XMP packet in place of PDFsharp's, and the Info dictionary.</summary>
    public static byte[] Finish(byte[] saved, PdfDescription description)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(description);
        var text = Encoding.Latin1.GetString(saved);
        var trailerAt = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var trailer = text[trailerAt..];
        int Number(Regex pattern, string where) => int.Parse(pattern.Match(where) is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"The PDF has no {pattern} where expected."), CultureInfo.InvariantCulture);
        var root = Number(RootRef(), trailer);
        var info = Number(InfoRef(), trailer);
        var size = Number(SizeEntry(), trailer);
        var previous = Number(StartXref(), trailer);
        var id = IdEntry().Match(trailer) is { Success: true } m ? m.Value : throw new InvalidOperationException("The PDF has no /ID.");
        var catalogAt = text.IndexOf($"\n{root} 0 obj", StringComparison.Ordinal);
        var catalog = text[catalogAt..text.IndexOf("endobj", catalogAt, StringComparison.Ordinal)];
        var metadata = Number(MetadataRef(), catalog);

        var xmp = FacturXmp.Write(description);
        using var output = new MemoryStream();
        output.Write(saved);
        void Ascii(string s) => output.Write(Encoding.ASCII.GetBytes(s));
        if (saved[^1] != (byte)'\n')
        {
            Ascii("\n");
        }
        var metadataAt = output.Position;
        Ascii($"{metadata} 0 obj\n<</Type/Metadata/Subtype/XML/Length {xmp.Length}>>\nstream\n");
        output.Write(xmp);
        Ascii("\nendstream\nendobj\n");
        var infoAt = output.Position;
        var date = PdfDate(description.CreatedUtc);
        Ascii($"{info} 0 obj\n<</Title{Hex(description.Title)}/Author{Hex(description.Author)}/Subject{Hex(description.Subject)}"
              + $"/Creator{Hex(description.Creator)}/Producer{Hex(description.Producer)}/CreationDate({date})/ModDate({date})>>\nendobj\n");
        var xrefAt = output.Position;
        var entries = new SortedDictionary<int, long> { [metadata] = metadataAt, [info] = infoAt };
        var xref = new StringBuilder("xref\n");
        foreach (var (number, offset) in entries)
        {
            xref.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:0000000000} 00000 n\r\n");
        }
        xref.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size}/Root {root} 0 R/Info {info} 0 R/Prev {previous}{id}>>\nstartxref\n{xrefAt}\n%%EOF\n");
        Ascii(xref.ToString());
        return output.ToArray();
    }

    /// <summary>A PDF date in UTC: D:20261207100000+00'00'.</summary>
    internal static string PdfDate(DateTime utc) =>
        string.Create(CultureInfo.InvariantCulture, $"D:{utc:yyyyMMddHHmmss}+00'00'");

    /// <summary>A PDF text string as UTF-16BE with its byte-order mark, in hexadecimal.</summary>
    private static string Hex(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    [GeneratedRegex(@"/Root\s+(\d+)\s+0\s+R")]
    private static partial Regex RootRef();

    [GeneratedRegex(@"/Info\s+(\d+)\s+0\s+R")]
    private static partial Regex InfoRef();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]")]
    private static partial Regex IdEntry();

    [GeneratedRegex(@"/Metadata\s+(\d+)\s+0\s+R")]
    private static partial Regex MetadataRef();
}
