using System.IO.Compression;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Pdf;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.FacturX;

/// <summary>
/// The Factur-X PDFs of one network's invoices and credit notes issued in a period, in a zip (one <c>NUMBER.pdf</c> each,
/// in the order of the series) for the accountant or the « plateforme agréée ». Written to a temporary file deleted when
/// closed, the invoices read a hundred at a time: a year of a network stays out of memory.
/// </summary>
public static class FacturXArchive
{
    /// <summary>The longest period one archive covers.</summary>
    public const int MaxDays = 366;

    private const int Batch = 100;

    public static async Task<Stream> WriteAsync(AppDbContext db, int networkId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = await db.Invoices.AsNoTracking()
            .Where(i => i.NetworkId == networkId && i.IssueDate >= from && i.IssueDate <= to)
            .OrderBy(i => i.Year).ThenBy(i => i.Sequence).Select(i => i.Id).ToListAsync(ct);
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"facturx-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var batch in ids.Chunk(Batch))
                {
                    var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => batch.Contains(i.Id)).ToListAsync(ct);
                    foreach (var invoice in invoices.OrderBy(i => i.Year).ThenBy(i => i.Sequence))
                    {
                        var entry = zip.CreateEntry($"{invoice.Number}.pdf", CompressionLevel.Fastest);
                        if (invoice.IssuedAtUtc.Year >= 1980)
                        {
                            entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(invoice.IssuedAtUtc, DateTimeKind.Utc));
                        }
                        await using var stream = entry.Open();
                        await stream.WriteAsync(InvoicePdf.Render(invoice), ct);
                    }
                }
            }
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
