using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cotravail.Web.Features.Billing.Pdf;

/// <summary>
/// A4 pages filled from top to bottom: a cursor (<see cref="Y"/>) that moves down, and a new page when what comes next
/// does not fit above the footer. <see cref="PageStarted"/> draws what every following page begins with (a running
/// head, the table header while a table is printed). Pages are numbered « Page 1 / 3 » when there are several.
/// </summary>
internal sealed class PdfPageFlow : IDisposable
{
    public const double Margin = 50;
    private const double FooterSpace = 26;
    private readonly PdfDocument _document;
    private readonly List<PdfPage> _pages = [];
    private XGraphics? _gfx;
    private double _top;

    public PdfPageFlow(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    public XGraphics Gfx => _gfx ?? throw new ObjectDisposedException(nameof(PdfPageFlow));
    public double Y { get; set; }
    public double Left => Margin;
    public double Right => PageWidth - Margin;
    public double Width => Right - Left;
    public Action? PageStarted { get; set; }
    private double PageWidth => _pages[^1].Width.Point;
    private double Bottom => _pages[^1].Height.Point - Margin - FooterSpace;

    /// <summary>Nothing has been printed on this page yet but what every page begins with.</summary>
    public bool AtTop => Y <= _top + 0.01;

    public bool Fits(double height) => Y + height <= Bottom + 0.01;

    /// <summary>The height left above the footer.</summary>
    public double Room => Bottom - Y;

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _pages.Add(page);
        _gfx = XGraphics.FromPdfPage(page);
        Y = Margin;
        _top = Y;
        PageStarted?.Invoke();
        _top = Y;
    }

    /// <summary>A new page unless the height fits here (or this page is still empty: it would not fit anywhere).</summary>
    public void Ensure(double height)
    {
        if (!Fits(height) && !AtTop)
        {
            NewPage();
        }
    }

    /// <summary>
    /// Keeps a block on one page: a new page unless it fits here. A block taller than half a page would be cut anyway:
    /// it starts here when its beginning (<paramref name="start"/>) fits, instead of leaving a page half empty.
    /// </summary>
    public void Keep(double height, double start) =>
        Ensure(height <= (Bottom - Margin) / 2 ? height : start);

    /// <summary>Texts one after the other at the cursor, moving to a new page between two lines when needed.</summary>
    public void Flow(IEnumerable<PdfText> texts, double x, double width)
    {
        foreach (var text in texts)
        {
            foreach (var line in PdfTextBox.Wrap(Gfx, text.Text, text.Font, width))
            {
                Ensure(text.LineHeight);
                Draw(line, text.Font, x, Y, width);
                Y += text.LineHeight;
            }
        }
    }

    /// <summary>Texts one after the other from y, on this page (the caller checked they fit); returns where they end.</summary>
    public double Place(IEnumerable<PdfText> texts, double x, double y, double width)
    {
        foreach (var text in texts)
        {
            foreach (var line in PdfTextBox.Wrap(Gfx, text.Text, text.Font, width))
            {
                Draw(line, text.Font, x, y, width);
                y += text.LineHeight;
            }
        }
        return y;
    }

    public void Draw(string line, XFont font, double x, double y, double width, bool alignRight = false)
    {
        var box = new XRect(x, y, width, font.GetHeight());
        if (alignRight)
        {
            Gfx.DrawString(line.TrimEnd(), font, XBrushes.Black, box, XStringFormats.TopRight);
        }
        else
        {
            Gfx.DrawString(line, font, XBrushes.Black, box, XStringFormats.TopLeft);
        }
    }

    public void Rule(double y, XPen pen) => Gfx.DrawLine(pen, Left, y, Right, y);

    /// <summary>Ends the document: « Page n / total » at the foot of every page when there are several.</summary>
    public void Finish(XFont font)
    {
        _gfx?.Dispose();
        _gfx = null;
        if (_pages.Count < 2)
        {
            return;
        }
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} / {_pages.Count}");
            var box = new XRect(Margin, page.Height.Point - Margin - font.GetHeight(), page.Width.Point - (2 * Margin), font.GetHeight());
            gfx.DrawString(text, font, XBrushes.Black, box, XStringFormats.TopRight);
        }
    }

    public void Dispose() => _gfx?.Dispose();
}
