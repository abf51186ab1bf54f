using PdfSharp.Drawing;

namespace Cotravail.Web.Features.Billing.Pdf;

/// <summary>The fonts of an invoice (embedded DejaVu Sans) and their line heights.</summary>
internal sealed class InvoicePdfFonts
{
    public XFont Regular { get; } = new(EmbeddedFonts.Family, 9, XFontStyleEx.Regular);
    public XFont Bold { get; } = new(EmbeddedFonts.Family, 9, XFontStyleEx.Bold);
    public XFont Name { get; } = new(EmbeddedFonts.Family, 12, XFontStyleEx.Bold);
    public XFont Title { get; } = new(EmbeddedFonts.Family, 16, XFontStyleEx.Bold);
    public XFont Small { get; } = new(EmbeddedFonts.Family, 8, XFontStyleEx.Regular);

    public const double Line = 12;
    public const double NameLine = 16;
    public const double TitleLine = 21;

    public PdfText Text(string? text) => new(text, Regular, Line);

    public PdfText Strong(string? text) => new(text, Bold, Line);
}
