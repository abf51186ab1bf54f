using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Common;

public static class Slug
{
    /// <summary>« Tiers-lieu de Puy-l'Évêque » → « tiers-lieu-de-puy-l-eveque ».</summary>
    public static string From(string text)
    {
        var words = Communes.Normalise(text).Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray();
        var slug = string.Join('-', new string(words).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "espace" : slug[..Math.Min(slug.Length, 70)].TrimEnd('-');
    }
}
