using System.Globalization;
using CsvHelper;

namespace Cotravail.Web.Features.Audit;

/// <summary>The journal's entries as CSV (CsvHelper): the page's French labels, times local with their offset.</summary>
internal static class AuditCsv
{
    public static byte[] Write(IEnumerable<ReadableEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var stream = new MemoryStream();
        // A semicolon as French spreadsheets expect, a byte order mark so accents open right, and values that start
        // like a formula (=, +, -, @) written as text.
        var options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(["Date et heure (heure locale)", "Qui", "Adresse IP", "Action", "Quoi", "N°", "Espace", "Concerne", "Changements"]);
            foreach (var e in entries)
            {
                csv.WriteRecord([
                    e.At.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                    e.Actor ?? "Cotravail (automatique)", e.Ip ?? "", ActionText(e.Action), e.Title, e.Key ?? "", e.SiteName ?? "", e.Subject ?? "",
                    string.Join(" | ", e.Records.Select(r => (r.Heading is null ? "" : r.Heading + " : ") + string.Join(" ; ", r.Changes))),
                ]);
            }
        }
        return stream.ToArray();
    }

    public static string ActionText(AuditAction action) => action switch
    {
        AuditAction.Created => "Création",
        AuditAction.Deleted => "Suppression",
        _ => "Modification",
    };
}
