using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cotravail.Web.Data.Commands;

/// <summary>
/// A SHA-256 over a table's rows taken in key order, each value written in one normal form that both databases give
/// back alike: times to the microsecond in UTC (PostgreSQL keeps no finer), decimals without trailing zeros, bytes in
/// base 64, text as is with its length. Two tables with the same rows in the same key order have the same checksum;
/// any changed, missing or extra value changes it.
/// </summary>
public sealed class TableChecksum : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _row = new();

    public long Rows { get; private set; }

    public void AddRow(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _row.Clear();
        foreach (var value in values)
        {
            var text = Normalise(value);
            _row.Append(text is null ? "-1" : text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text).Append('|');
        }
        _row.Append('\n');
        _hash.AppendData(Encoding.UTF8.GetBytes(_row.ToString()));
        Rows++;
    }

    /// <summary>The checksum in lower-case hexadecimal.</summary>
    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    /// <summary>One value in its normal form (null stays null).</summary>
    public static string? Normalise(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTime d => Micro(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset o => Micro(o.UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => new TimeOnly(t.Ticks - (t.Ticks % 10)).ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        TimeSpan t => TimeSpan.FromTicks(t.Ticks - (t.Ticks % 10)).ToString("c", CultureInfo.InvariantCulture),
        decimal m => (m / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        double f => f.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        Guid g => g.ToString("D"),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static DateTime Micro(DateTime d) => new(d.Ticks - (d.Ticks % 10), DateTimeKind.Utc);

    public void Dispose() => _hash.Dispose();
}
