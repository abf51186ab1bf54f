using System.Globalization;

namespace Cotravail.Web.Common;

/// <summary>How amounts, dates and times are written on screens, in the current culture.</summary>
public static class Format
{
    /// <summary>An amount in euro cents as « 15,00 € » (fr) or « €15.00 » (en).</summary>
    /// <remarks>Spaces are no-break spaces so that an amount never wraps across two lines.</remarks>
    public static string Euros(int cents) =>
        (cents / 100m).ToString("C2", EuroCulture(CultureInfo.CurrentCulture)).Replace(' ', '\u00a0');

    /// <summary>« mardi 1er décembre 2026 », « jeudi 3 décembre 2026 » (French ordinal on the first of the month).</summary>
    public static string LongDate(DateOnly day, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return IsFrench(c) ? $"{day.ToString("dddd", c)} {DayOfMonth(day, c)} {day.ToString("MMMM yyyy", c)}" : day.ToString("dddd d MMMM yyyy", c);
    }

    /// <summary>« 1er décembre 2026 », « 3 décembre 2026 ».</summary>
    public static string Date(DateOnly day, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return IsFrench(c) ? $"{DayOfMonth(day, c)} {day.ToString("MMMM yyyy", c)}" : day.ToString("d MMMM yyyy", c);
    }

    /// <summary>« 1er décembre », « 3 décembre ».</summary>
    public static string DayAndMonth(DateOnly day, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return IsFrench(c) ? $"{DayOfMonth(day, c)} {day.ToString("MMMM", c)}" : day.ToString("d MMMM", c);
    }

    /// <summary>The day of the month as French writes it: « 1er », then « 2 », « 3 »…</summary>
    private static string DayOfMonth(DateOnly day, CultureInfo c) => day.Day == 1 ? "1er" : day.Day.ToString(c);

    private static bool IsFrench(CultureInfo c) => c.TwoLetterISOLanguageName == "fr";

    /// <summary>« 8 h 00 » in French (no-break spaces: it never wraps), « 8:00 » in English.</summary>
    public static string Time(TimeOnly t) =>
        CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr"
            ? string.Create(CultureInfo.InvariantCulture, $"{t.Hour}\u00a0h\u00a0{t.Minute:00}")
            : t.ToString("H:mm", CultureInfo.InvariantCulture);

    /// <summary>Weekdays as people say them: « du lundi au samedi », « lundi, mercredi et vendredi ».</summary>
    public static string Days(IReadOnlyCollection<DayOfWeek> days, Func<string, object[], string>? localize = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        string T(string text, params object[] args) =>
            localize is null ? string.Format(CultureInfo.CurrentCulture, text, args) : localize(text, args);
        var order = days.Distinct().Select(d => ((int)d + 6) % 7).Order().ToList(); // Monday = 0
        var names = order.Select(i => DayName((DayOfWeek)((i + 1) % 7))).ToList();
        if (order.Count >= 3 && order[^1] - order[0] == order.Count - 1)
        {
            return T("du {0} au {1}", names[0], names[^1]);
        }
        return names.Count <= 1 ? string.Concat(names) : T("{0} et {1}", string.Join(", ", names.Take(names.Count - 1)), names[^1]);
    }

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
