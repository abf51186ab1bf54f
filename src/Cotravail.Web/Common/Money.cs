using System.Globalization;

namespace Cotravail.Web.Common;

/// <summary>Amounts are integer euro cents everywhere; this reads what people type in a form.</summary>
public static class Money
{
    public const int MaxCents = 10_000_000; // 100 000,00 €

    /// <summary>Reads « 15 », « 15,00 », « 15.5 » or « 15,00 € » as cents. False for negative, too large or over two decimals.</summary>
    public static bool TryParseEuros(string? text, out int cents)
    {
        cents = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var cleaned = text.Replace("€", "", StringComparison.Ordinal).Replace('\u00a0', ' ').Replace('\u202f', ' ')
            .Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros))
        {
            return false;
        }
        var scaled = euros * 100m;
        if (scaled != decimal.Truncate(scaled) || scaled > MaxCents)
        {
            return false;
        }
        cents = (int)scaled;
        return true;
    }

    /// <summary>Cents as a form value: « 15,00 » (fr) — what <see cref="TryParseEuros"/> reads back.</summary>
    public static string ToInput(int cents) => (cents / 100m).ToString("0.00", CultureInfo.CurrentCulture);
}
