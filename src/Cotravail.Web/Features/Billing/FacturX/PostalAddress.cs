using System.Text.RegularExpressions;

namespace Cotravail.Web.Features.Billing.FacturX;

/// <summary>
/// A French postal address as Factur-X wants it, read from the free text printed on invoices: the line « 46140 Luzech »
/// gives the postcode and the city, the lines before it the street (at most three lines), the country is France.
/// </summary>
internal sealed partial record PostalAddress(string? Postcode, IReadOnlyList<string> Lines, string? City)
{
    public static PostalAddress Parse(string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        string? postcode = null;
        string? city = null;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (PostcodeAndCity().Match(lines[i]) is { Success: true } m)
            {
                postcode = m.Groups[1].Value;
                city = m.Groups[2].Value.Trim();
                lines.RemoveAt(i);
                break;
            }
        }
        // Factur-X has three street lines: the rest is kept on the third.
        if (lines.Count > 3)
        {
            lines = [lines[0], lines[1], string.Join(", ", lines.Skip(2))];
        }
        return new PostalAddress(postcode, lines, city);
    }

    [GeneratedRegex(@"^(\d{5})\s+(.+)$")]
    private static partial Regex PostcodeAndCity();
}
