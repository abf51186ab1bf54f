namespace Cotravail.Web.Common.Observability;

/// <summary>
/// The value a metric's attribute takes for an enum value: its name in snake case (<c>AlreadyBooked</c> →
/// <c>already_booked</c>), computed once per type, so that recording a measurement allocates nothing.
/// </summary>
internal static class Label<T>
    where T : struct, Enum
{
    private static readonly Dictionary<T, string> Names =
        Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => SnakeCase(v.ToString()));

    public static string Of(T value) => Names.TryGetValue(value, out var name) ? name : "other";

    private static string SnakeCase(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
