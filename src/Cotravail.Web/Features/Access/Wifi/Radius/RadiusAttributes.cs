using System.Text.Json;

namespace Cotravail.Web.Features.Access.Wifi.Radius;

/// <summary>
/// The attributes of a RADIUS request as FreeRADIUS's <c>rlm_rest</c> sends them with <c>body = json</c>:
/// <c>{"User-Name": {"type": "string", "value": ["ana@example.fr"]}, …}</c> (a plain string value is read too).
/// </summary>
public sealed class RadiusAttributes
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public string? this[string name] => _values.GetValueOrDefault(name);

    /// <summary>The attributes of <paramref name="body"/>, or null when it is not a JSON object of attributes.</summary>
    public static RadiusAttributes? Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var attributes = new RadiusAttributes();
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("value", out var inner))
            {
                value = inner;
            }
            if (value.ValueKind == JsonValueKind.Array)
            {
                value = value.GetArrayLength() > 0 ? value[0] : default;
            }
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
            if (text is not null)
            {
                attributes._values[property.Name] = text;
            }
        }
        return attributes;
    }
}
