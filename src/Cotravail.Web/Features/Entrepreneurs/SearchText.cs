using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>
/// Search without accents or case, the same on SQLite and PostgreSQL: each profile and listing stores a normalised
/// copy of its words (<c>SearchText</c>), and the query is normalised the same way before a plain <c>LIKE</c>.
/// Skills are tags: written freely, compared in their normalised form (« Éco-construction » = « eco construction »).
/// </summary>
public static class SearchText
{
    public const int MaxTags = 12;
    public const int MaxTagLength = 40;

    public static string Normalise(string? text) => string.IsNullOrWhiteSpace(text) ? "" : Communes.Normalise(text);

    public const int MaxLength = 4000;

    /// <summary>The normalised words of every part, joined (cut at <see cref="MaxLength"/>).</summary>
    public static string Of(params string?[] parts)
    {
        var all = string.Join(' ', parts.Select(Normalise).Where(p => p.Length > 0));
        return all.Length > MaxLength ? all[..MaxLength] : all;
    }

    /// <summary>Tags as written (trimmed, duplicates by normalised form removed), from a comma- or semicolon-separated text.</summary>
    public static List<string> Tags(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                .Where(t => Normalise(t).Length > 0)
                .DistinctBy(Normalise)];

    /// <summary>The key stored for matching: « |eco construction|charpente| » (a tag is found with LIKE '%|tag|%').</summary>
    public static string TagKey(IEnumerable<string> tags) =>
        "|" + string.Join('|', tags.Select(Normalise)) + "|";

    /// <summary>The tags of a stored key.</summary>
    public static IReadOnlyList<string> FromKey(string? key) =>
        string.IsNullOrEmpty(key) ? [] : key.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Escapes LIKE's wildcards in a normalised query (the pattern uses <c>\</c> as escape).</summary>
    public static string LikePattern(string normalised) => "%" + Escape(normalised) + "%";

    public static string Escape(string normalised) =>
        normalised.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
