using System.Text.RegularExpressions;

namespace Cotravail.Web.Features.Billing.FacturX;

/// <summary>
/// A French postal address as Factur-X wants it, read from the free text printed on invoices: « 46140 Luzech », on its
/// own line or ending one, gives the postcode and the city, the rest the street (at most three lines), the country is France.
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
            // « 46140 Luzech » on its own line, or at the end of one: « Place de la Mairie, 46140 Luzech ».
            if (PostcodeAndCity().Match(lines[i]) is { Success: true } m)
            {
                postcode = m.Groups["postcode"].Value;
                city = m.Groups["city"].Value.Trim();
                var street = m.Groups["street"].Value.Trim().TrimEnd(',').Trim();
                if (street.Length > 0)
                {
                    lines[i] = street;
                }
                else
                {
                    lines.RemoveAt(i);
                }
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

    [GeneratedRegex(@"^(?:(?<street>.*?)[,\s]+)?(?<postcode>\d{5})\s+(?<city>\D.*)$")]
    private static partial Regex PostcodeAndCity();
}
