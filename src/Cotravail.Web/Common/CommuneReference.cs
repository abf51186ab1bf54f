using System.IO.Compression;
using System.Text;

namespace Cotravail.Web.Common;

/// <summary>The embedded reference files of <see cref="Communes"/>, read into lookups.</summary>
internal sealed class CommuneReference
{
    public required Dictionary<string, Commune> ByInsee { get; init; }
    public required Dictionary<string, List<Commune>> ByPostcode { get; init; }
    public required Dictionary<string, string> Epcis { get; init; }
    public required Dictionary<string, Department> Departments { get; init; }
    public required Dictionary<string, string> Regions { get; init; }

    public static CommuneReference Load()
    {
        var byInsee = new Dictionary<string, Commune>(StringComparer.Ordinal);
        var byPostcode = new Dictionary<string, List<Commune>>(StringComparer.Ordinal);
        using (var gzip = new GZipStream(Communes.Open("communes.csv.gz"), CompressionMode.Decompress))
        {
            foreach (var p in Rows(gzip, 5))
            {
                var commune = new Commune(p[0], p[1], p[2].Length == 0 ? [] : p[2].Split('|'), p[3].Length == 0 ? null : p[3], p[4]);
                byInsee[commune.Insee] = commune;
                foreach (var postcode in commune.Postcodes)
                {
                    (byPostcode.TryGetValue(postcode, out var list) ? list : byPostcode[postcode] = []).Add(commune);
                }
            }
        }
        foreach (var list in byPostcode.Values)
        {
            list.Sort((a, b) => Fr.CompareInfo.Compare(a.Name, b.Name, System.Globalization.CompareOptions.IgnoreCase));
        }
        return new CommuneReference
        {
            ByInsee = byInsee,
            ByPostcode = byPostcode,
            Epcis = Rows(Communes.Open("epci.csv"), 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal),
            Departments = Rows(Communes.Open("departements.csv"), 3).ToDictionary(p => p[0], p => new Department(p[0], p[1], p[2]), StringComparer.Ordinal),
            Regions = Rows(Communes.Open("regions.csv"), 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal),
        };
    }

    private static readonly System.Globalization.CultureInfo Fr = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The rows after the header, split on « ; » (no field holds one), those with <paramref name="fields"/> fields.</summary>
    private static IEnumerable<string[]> Rows(Stream stream, int fields)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(';');
            if (parts.Length == fields)
            {
                yield return parts;
            }
        }
    }
}
