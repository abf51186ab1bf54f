using System.Globalization;
using PdfSharp.Drawing;

namespace Cotravail.Web.Features.Billing.Pdf;

/// <summary>Some text in a font, printed line after line at a given line height.</summary>
internal sealed record PdfText(string? Text, XFont Font, double LineHeight);

/// <summary>
/// Text cut into lines that fit a width, measured with the font: at spaces, and inside a word too long for the width
/// (an e-mail address, a reference). A line cut at a space keeps that space at its end (drawn, not measured), so the
/// words stay apart when the PDF's text is copied or searched. Line breaks in the text start new lines.
/// </summary>
internal static class PdfTextBox
{
    public static IReadOnlyList<string> Wrap(XGraphics gfx, string? text, XFont font, double width)
    {
        ArgumentNullException.ThrowIfNull(gfx);
        var lines = new List<string>();
        var clean = (text ?? "").Replace("\r", "", StringComparison.Ordinal).Replace('\t', ' ');
        foreach (var paragraph in clean.Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : $"{current} {word}";
                if (Fits(gfx, candidate, font, width))
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0)
                {
                    lines.Add(current + " ");
                }
                current = word;
                while (!Fits(gfx, current, font, width))
                {
                    var cut = Prefix(gfx, current, font, width);
                    lines.Add(current[..cut]);
                    current = current[cut..];
                }
            }
            if (current.Length > 0)
            {
                lines.Add(current);
            }
        }
        return lines;
    }

    /// <summary>The height of texts printed one after the other in a width.</summary>
    public static double Height(XGraphics gfx, IEnumerable<PdfText> texts, double width) =>
        texts.Sum(t => Wrap(gfx, t.Text, t.Font, width).Count * t.LineHeight);

    private static bool Fits(XGraphics gfx, string text, XFont font, double width) =>
        gfx.MeasureString(text, font).Width <= width;

    /// <summary>How many characters of a word fit the width: at least one letter (whole text elements), so a line always moves on.</summary>
    private static int Prefix(XGraphics gfx, string word, XFont font, double width)
    {
        var end = StringInfo.GetNextTextElementLength(word);
        while (end < word.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(word, end);
            if (!Fits(gfx, word[..next], font, width))
            {
                break;
            }
            end = next;
        }
        return end;
    }
}
