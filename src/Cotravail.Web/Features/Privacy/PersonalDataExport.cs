using Cotravail.Web.Common.PersonalData;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

namespace Cotravail.Web.Features.Privacy;

/// <summary>Everything every feature holds about a person (<see cref="IPersonalData"/>), as JSON or as a zip of CSV files.</summary>
public sealed class PersonalDataExport(IEnumerable<IPersonalData> features, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<IReadOnlyList<PersonalDataSet>> CollectAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var sets = new List<PersonalDataSet>();
        foreach (var feature in features)
        {
            sets.AddRange(await feature.ExportAsync(subject, ct));
        }
        return sets;
    }

    /// <summary>{ "exporteLeUtc": …, "donnees": { "compte": [ … ], "reservations": [ … ], … } }</summary>
    public async Task<byte[]> JsonAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var sets = await CollectAsync(subject, ct);
        var document = new Dictionary<string, object>
        {
            ["exporteLeUtc"] = clock.GetUtcNow().UtcDateTime,
            ["donnees"] = sets.ToDictionary(s => s.Name, s => (object)s.Rows, StringComparer.Ordinal),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    /// <summary>A zip with one CSV file per table (semicolons, UTF-8 with a byte order mark: opens right in a French spreadsheet).</summary>
    public async Task<byte[]> ZipAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var sets = await CollectAsync(subject, ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var set in sets)
            {
                var entry = zip.CreateEntry(set.Name + ".csv", CompressionLevel.Optimal);
                entry.LastWriteTime = clock.GetUtcNow();
                await using var stream = entry.Open();
                var csv = Csv(set);
                await stream.WriteAsync(csv, ct);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>One CSV: the rows' properties as columns (their JSON names), values as JSON writes them.</summary>
    public static byte[] Csv(PersonalDataSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var rows = set.Rows.Select(r => JsonSerializer.SerializeToElement(r, r.GetType(), Json)).ToList();
        var columns = rows.SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        using var stream = new MemoryStream();
        var options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            if (columns.Count > 0)
            {
                csv.WriteRecord([.. columns]);
            }
            foreach (var row in rows)
            {
                csv.WriteRecord([.. columns.Select(c => row.TryGetProperty(c, out var v) ? Text(v) : "")]);
            }
        }
        return stream.ToArray();
    }

    private static string Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.True => "oui",
        JsonValueKind.False => "non",
        JsonValueKind.Number => v.GetRawText(),
        _ => v.GetRawText(),
    };
}
