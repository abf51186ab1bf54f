using Cotravail.Web.Features.Billing.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>
/// The « rapport d'activité » as one or two A4 pages (PDFsharp, the invoices' embedded fonts and page flow): the network
/// and the period, the key figures beside the same days a year before, the visits of each month as a bar chart, each
/// site's visits and occupancy, where visitors live, the events; then the day it was made. Vector drawing only. A period
/// without activity makes one page that says so.
/// </summary>
public static class ActivityReportPdf
{
    public static byte[] Render(ActivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        EmbeddedFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = $"Rapport d'activité – {report.NetworkName} – {ActivityReport.PeriodText(report.From, report.To)}";
        document.Info.Author = report.LegalName.Length > 0 ? report.LegalName : report.NetworkName;
        document.Info.Creator = "Cotravail";
        var fonts = new InvoicePdfFonts();
        using (var flow = new PdfPageFlow(document))
        {
            new ActivityReportLayout(flow, fonts, report).Draw();
            flow.Finish(fonts.Small);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }
}
