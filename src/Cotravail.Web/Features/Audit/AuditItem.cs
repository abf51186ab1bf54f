using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cotravail.Web.Features.Audit;

/// <summary>
/// One record an entry changed: its type (code name), key, what happened to it and its fields, old → new, as invariant
/// text. An entry (one save) holds them as a JSON array in <see cref="AuditEntry.Changes"/>; an entry written before
/// entries held a save held one record, its fields as a JSON object (<c>{"Field": ["old", "new"]}</c>): both read here.
/// </summary>
public sealed record AuditItem(
    string Type, string Key, [property: JsonConverter(typeof(JsonStringEnumConverter<AuditAction>))] AuditAction Action, Dictionary<string, string?[]> Changes)
{
    public static string Write(IReadOnlyList<AuditItem> items) => JsonSerializer.Serialize(items);

    /// <summary>The records of an entry, whichever way it was written.</summary>
    public static IReadOnlyList<AuditItem> Read(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var json = entry.Changes?.TrimStart();
        if (json is { Length: > 0 } && json[0] == '[')
        {
            return JsonSerializer.Deserialize<List<AuditItem>>(json) ?? [];
        }
        var changes = string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string?[]>>(json) ?? [];
        return [new AuditItem(entry.EntityType, entry.EntityKey, entry.Action, changes)];
    }
}
