using System.Globalization;
using System.Text;

namespace Cotravail.Web.Common.Mail;

/// <summary>
/// Text that whoever filled a public form chose (a guest's name…), as it may appear in an e-mail sent to the address
/// they gave: on one line, without control or direction characters, cut to <see cref="MaxLength"/> characters and
/// between « », so it never reads as Cotravail's own words, and never opens the mail.
/// </summary>
public static class CallerText
{
    public const int MaxLength = 40;

    public static string Quote(string? text, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var plain = new StringBuilder();
        foreach (var c in text ?? "")
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Format || (char.IsControl(c) && !char.IsWhiteSpace(c)))
            {
                continue; // direction marks, zero-width characters, escapes
            }
            if (char.IsWhiteSpace(c))
            {
                if (plain.Length > 0 && plain[^1] != ' ')
                {
                    plain.Append(' ');
                }
                continue;
            }
            plain.Append(c);
        }
        var line = plain.ToString().Trim();
        if (line.Length > maxLength)
        {
            var cut = maxLength - 1;
            if (char.IsHighSurrogate(line[cut - 1]))
            {
                cut--;
            }
            line = line[..cut].TrimEnd() + "…";
        }
        return $"« {line} »";
    }
}
