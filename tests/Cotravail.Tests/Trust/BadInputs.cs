using System.Globalization;

namespace Cotravail.Tests.Trust;

/// <summary>What the bad-input sweep sends: values a field should refuse (or keep harmless), as form text and as JSON tokens.</summary>
public static class BadInputs
{
    public const string Script = "<script>alert(1)</script>";
    public const string Image = "<img src=x onerror=alert(1)>";

    public static readonly string Megabyte = new('x', 1_000_000);

    /// <summary>Text typed into a form field, or sent as a JSON string.</summary>
    public static readonly string[] Texts =
    [
        Megabyte,
        "'; DROP TABLE \"Bookings\"; --",
        Script,
        Image,
        "2026-02-30",
        "9999-12-31T23:59:59",
        "0001-01-01",
        "-1",
        "2147483648",
        "1e309",
        "99999999999999999999999",
        Guid.NewGuid().ToString(),
        "",
    ];

    /// <summary>The few values sent to the later fields of a long form.</summary>
    public static readonly string[] FewTexts = [Script, Image, "-1", "9999-12-31T23:59:59", "1e309"];

    /// <summary>Raw JSON values for a body field: wrong types, overflowing numbers, and every text above.</summary>
    public static IEnumerable<string> JsonTokens()
    {
        foreach (var raw in new[] { "-1", "0", "2147483648", "-2147483649", "1e309", "99999999999999999999999", "2147483647", "1.5", "true", "{\"x\":1}", "[1,2]", "null" })
        {
            yield return raw;
        }
        foreach (var text in Texts)
        {
            yield return System.Text.Json.JsonSerializer.Serialize(text);
        }
    }

    /// <summary>Bodies that are not JSON at all, or not the JSON expected.</summary>
    public static readonly string[] MalformedBodies = ["{\"a\":", "[]", "\"texte\"", "{\"resourceId\": 1,,}", "\u0000", "{}"];

    /// <summary>Values for route and query parameters (shorter: a megabyte does not fit in a URL).</summary>
    public static readonly string[] UrlValues =
        ["-1", "0", "2147483647", "2147483648", "1e309", "abc", "2026-02-30", "9999-12-31", "0001-01-01", "'; DROP TABLE \"Bookings\"; --", Script, new('x', 10_000), Guid.NewGuid().ToString()];

    /// <summary>A plausible value for an empty field, so that the field under test is not refused only because another is missing.</summary>
    public static string Plausible(string type, string name) => type switch
    {
        "date" => "2026-12-15",
        "time" => "10:00",
        "datetime-local" => "2026-12-15T10:00",
        "number" => "1",
        "email" => "essai@exemple.fr",
        "tel" => "0565000000",
        "month" => "2026-12",
        _ when name.Contains("Email", StringComparison.OrdinalIgnoreCase) => "essai@exemple.fr",
        _ when name.Contains("Postcode", StringComparison.OrdinalIgnoreCase) => "46140",
        _ => "Essai " + name.Length.ToString(CultureInfo.InvariantCulture),
    };
}
