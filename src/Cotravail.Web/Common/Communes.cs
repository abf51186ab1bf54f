using System.Globalization;
using System.Reflection;
using System.Text;

namespace Cotravail.Web.Common;

/// <summary>
/// The communes of France with their INSEE code, postcodes, intercommunality (EPCI), department and region
/// (<c>Common/Reference/</c>, embedded, built by <c>ops/reference/make-communes.py</c> from INSEE's official geographic
/// code and La Poste's postcodes). Read once, at first use. Names compare without accents or case.
/// </summary>
public static class Communes
{
    private static readonly Lazy<CommuneReference> Reference = new(CommuneReference.Load);

    public static bool IsPostcode(string? value) =>
        value is { Length: 5 } && value.All(char.IsAsciiDigit);

    /// <summary>The official name of the commune at that postcode matching <paramref name="name"/>, or null when unknown.</summary>
    public static string? Find(string postcode, string name) => FindCommune(postcode, name)?.Name;

    /// <summary>The commune at that postcode whose name matches <paramref name="name"/> (accents and case ignored).</summary>
    public static Commune? FindCommune(string postcode, string name)
    {
        var key = Normalise(name);
        return AtPostcode(postcode).FirstOrDefault(c => Normalise(c.Name) == key);
    }

    /// <summary>The names of the communes sharing <paramref name="postcode"/>, in alphabetical order.</summary>
    public static IEnumerable<string> At(string postcode) => AtPostcode(postcode).Select(c => c.Name);

    /// <summary>The communes sharing <paramref name="postcode"/>, in alphabetical order.</summary>
    public static IReadOnlyList<Commune> AtPostcode(string postcode) =>
        Reference.Value.ByPostcode.TryGetValue(postcode, out var list) ? list : [];

    /// <summary>The commune of that INSEE code (« 46182 » → Luzech), or null.</summary>
    public static Commune? ByInsee(string? insee) =>
        insee is not null && Reference.Value.ByInsee.TryGetValue(insee, out var commune) ? commune : null;

    /// <summary>The name of an intercommunality by its SIREN (« CC de la Vallée du Lot et du Vignoble »), or null.</summary>
    public static string? EpciName(string? siren) =>
        siren is not null && Reference.Value.Epcis.TryGetValue(siren, out var name) ? name : null;

    /// <summary>The department of that code (« 46 » → Lot), or null.</summary>
    public static Department? DepartmentOf(string? code) =>
        code is not null && Reference.Value.Departments.TryGetValue(code, out var d) ? d : null;

    /// <summary>The department of a postcode, from the communes that share it, or null when no commune has it.</summary>
    public static Department? DepartmentOfPostcode(string postcode) =>
        AtPostcode(postcode) is [var first, ..] ? DepartmentOf(first.Department) : null;

    /// <summary>The name of the region of that code (« 76 » → Occitanie), or null.</summary>
    public static string? RegionName(string? code) =>
        code is not null && Reference.Value.Regions.TryGetValue(code, out var name) ? name : null;

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

    internal static Stream Open(string file) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream($"Cotravail.Web.Reference.{file}")
            ?? throw new InvalidOperationException($"{file} is not embedded");
}

/// <summary>A commune: INSEE code, official name, postcodes, SIREN of its intercommunality (none for a few islands), department code.</summary>
public sealed record Commune(string Insee, string Name, IReadOnlyList<string> Postcodes, string? EpciSiren, string Department);

/// <summary>A department: code (« 46 », « 2A », « 971 »), name, region code.</summary>
public sealed record Department(string Code, string Name, string Region);
