using System.Globalization;

namespace Cotravail.Web.Common;

/// <summary>How amounts, dates and times are written on screens, in the current culture.</summary>
public static class Format
{
    /// <summary>An amount in euro cents as « 15,00 € » (fr) or « €15.00 » (en).</summary>
    /// <remarks>Spaces are no-break spaces so that an amount never wraps across two lines.</remarks>
    public static string Euros(int cents) =>
        (cents / 100m).ToString("C2", EuroCulture(CultureInfo.CurrentCulture)).Replace(' ', '\u00a0');

    /// <summary>« mardi 1 décembre 2026 ».</summary>
    public static string LongDate(DateOnly day) =>
        day.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>« 8 h 00 » in French, « 8:00 » in English.</summary>
    public static string Time(TimeOnly t) =>
        CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr" ? $"{t.Hour} h {t.Minute:00}" : t.ToString("H:mm", CultureInfo.InvariantCulture);

    public static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);

    private static CultureInfo EuroCulture(CultureInfo culture)
    {
        if (culture.NumberFormat.CurrencySymbol == "€")
        {
            return culture;
        }
        var c = (CultureInfo)culture.Clone();
        c.NumberFormat.CurrencySymbol = "€";
        return c;
    }
}
