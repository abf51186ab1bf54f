using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.VisualBasic.FileIO;

namespace Cotravail.Tests.Observatory;

/// <summary>
/// Checks a CSV against a Frictionless Table Schema (schema.data.gouv.fr): the header names every field in order, and
/// each value has its field's type (string, number, date), is present when required, matches its pattern (the whole
/// value), is one of its enumeration, within its maximum length, and unique when asked. Returns one message per fault.
/// </summary>
internal sealed class TableSchema
{
    private readonly List<JsonElement> _fields;

    private TableSchema(List<JsonElement> fields) => _fields = fields;

    public IReadOnlyList<string> FieldNames => [.. _fields.Select(f => f.GetProperty("name").GetString()!)];

    public static TableSchema Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new TableSchema([.. doc.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.Clone())]);
    }

    public static List<string[]> ParseCsv(string text)
    {
        using var parser = new TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }
        return rows;
    }

    public List<string> Check(string csv)
    {
        var faults = new List<string>();
        var rows = ParseCsv(csv);
        if (rows.Count == 0 || !rows[0].SequenceEqual(FieldNames))
        {
            faults.Add($"header: {string.Join(",", rows.FirstOrDefault() ?? [])}");
            return faults;
        }
        var seen = _fields.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        foreach (var (row, line) in rows.Skip(1).Select((r, i) => (r, i + 2)))
        {
            if (row.Length != _fields.Count)
            {
                faults.Add($"line {line}: {row.Length} values for {_fields.Count} fields");
                continue;
            }
            for (var i = 0; i < _fields.Count; i++)
            {
                foreach (var fault in CheckValue(_fields[i], row[i], seen[i]))
                {
                    faults.Add($"line {line}, {_fields[i].GetProperty("name").GetString()} « {row[i]} »: {fault}");
                }
            }
        }
        return faults;
    }

    private static IEnumerable<string> CheckValue(JsonElement field, string value, HashSet<string> seen)
    {
        var constraints = field.TryGetProperty("constraints", out var c) ? c : default;
        bool Has(string name, out JsonElement v)
        {
            v = default;
            return constraints.ValueKind == JsonValueKind.Object && constraints.TryGetProperty(name, out v);
        }
        if (value.Length == 0)
        {
            if (Has("required", out var required) && required.GetBoolean())
            {
                yield return "required";
            }
            yield break;
        }
        switch (field.GetProperty("type").GetString())
        {
            case "number" when !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                yield return "not a number";
                break;
            case "integer" when !long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                yield return "not an integer";
                break;
            case "date" when !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                yield return "not a date yyyy-mm-dd";
                break;
        }
        if (Has("pattern", out var pattern) && !Regex.IsMatch(value, $"^(?:{pattern.GetString()})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            yield return "does not match " + pattern.GetString();
        }
        if (Has("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != value))
        {
            yield return "not in the enumeration";
        }
        if (Has("maxLength", out var max) && value.Length > max.GetInt32())
        {
            yield return $"longer than {max.GetInt32()}";
        }
        if (Has("unique", out var unique) && unique.GetBoolean() && !seen.Add(value))
        {
            yield return "not unique";
        }
    }
}
