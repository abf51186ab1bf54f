using System.Text;

namespace Cotravail.Web.Features.Accounts.MyAccount;

/// <summary>
/// Phone numbers as people type them in France (« 06 12 34 56 78 », « 06.12.34.56.78 », « +33 6 12 34 56 78 »,
/// « +33 (0)6… », « 0033 6… ») or any international number in E.164 (« +32 470 12 34 56 »), kept in E.164 (« +33612345678 »).
/// </summary>
public static class PhoneNumbers
{
    public const string Invalid = "Ce numéro de téléphone n'est pas valide : indiquez par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.";

    /// <summary>The number in E.164, or null when <paramref name="input"/> is not a phone number.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var text = input.Trim().Replace("(0)", "", StringComparison.Ordinal);
        var digits = new StringBuilder();
        var plus = false;
        foreach (var (c, i) in text.Select((c, i) => (c, i)))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && i == 0)
            {
                plus = true;
            }
            else if (c is not (' ' or '.' or '-' or '\u00a0'))
            {
                return null;
            }
        }
        var d = digits.ToString();
        if (!plus && d.StartsWith("00", StringComparison.Ordinal))
        {
            (plus, d) = (true, d[2..]);
        }
        if (plus)
        {
            if (d.StartsWith("33", StringComparison.Ordinal))
            {
                return French(d[2..]);
            }
            // E.164: a country code (never starting with 0) and at most 15 digits in all.
            return d.Length is >= 8 and <= 15 && d[0] != '0' ? "+" + d : null;
        }
        return d.Length == 10 && d[0] == '0' ? French(d[1..]) : null;
    }

    /// <summary>For people: a French number as « 06 12 34 56 78 », any other as stored.</summary>
    public static string Display(string? e164)
    {
        if (e164 is not { Length: 12 } || !e164.StartsWith("+33", StringComparison.Ordinal))
        {
            return e164 ?? "";
        }
        var national = "0" + e164[3..];
        return string.Join(' ', Enumerable.Range(0, 5).Select(i => national.Substring(i * 2, 2)));
    }

    /// <summary>The nine digits after 0 (or +33): the first from 1 to 9.</summary>
    private static string? French(string nine) => nine.Length == 9 && nine[0] is >= '1' and <= '9' ? "+33" + nine : null;
}
