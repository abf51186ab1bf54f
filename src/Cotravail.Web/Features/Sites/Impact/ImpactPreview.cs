using System.Security.Cryptography;
using System.Text;

namespace Cotravail.Web.Features.Sites.Impact;

/// <summary>
/// What a change would cancel, in the order shown (by start, then kind), and the fingerprint of their keys: the confirm
/// form carries it back, so a set that changed in between is shown again instead of cancelled unseen.
/// </summary>
public sealed record ImpactPreview(IReadOnlyList<AffectedItem> Items, string Fingerprint)
{
    public static ImpactPreview Of(IEnumerable<AffectedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items.OrderBy(i => i.StartUtc).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        return new ImpactPreview(list, FingerprintOf(list.Select(i => i.Key)));
    }

    /// <summary>A short hash of the sorted keys: the same set gives the same fingerprint, whatever its order.</summary>
    public static string FingerprintOf(IEnumerable<string> keys)
    {
        var joined = string.Join('\n', keys.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..32];
    }
}
