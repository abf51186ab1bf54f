using System.Globalization;
using System.Reflection;
using System.Text;

namespace Cotravail.Web.Common;

/// <summary>
/// Reference list of communes and their postcodes (<c>Reference/communes.csv</c>, embedded). It covers the Lot (46);
/// a network elsewhere adds its communes to that file. Names compare without accents or case.
/// </summary>
public static class Communes
{
    private static readonly Lazy<ILookup<string, string>> ByPostcode = new(Load);

    public static bool IsPostcode(string? value) =>
        value is { Length: 5 } && value.All(char.IsAsciiDigit);

    /// <summary>The official name of the commune at that postcode matching <paramref name="name"/>, or null when unknown.</summary>
    public static string? Find(string postcode, string name)
    {
        var key = Normalise(name);
        return ByPostcode.Value[postcode].FirstOrDefault(c => Normalise(c) == key);
    }

    public static IEnumerable<string> At(string postcode) => ByPostcode.Value[postcode];

    /// <summary>Lower case, no accents, hyphens and apostrophes as spaces: « Puy-l'Évêque » → « puy l eveque ».</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            sb.Append(ch is '-' or '\'' or '’' ? ' ' : char.ToLowerInvariant(ch));
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static ILookup<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cotravail.Web.communes.csv")
            ?? throw new InvalidOperationException("communes.csv is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = new List<(string Postcode, string Name)>();
        reader.ReadLine(); // header
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(';');
            if (parts.Length == 2)
            {
                rows.Add((parts[0].Trim(), parts[1].Trim()));
            }
        }
        return rows.ToLookup(r => r.Postcode, r => r.Name);
    }
}
