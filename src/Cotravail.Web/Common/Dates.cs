namespace Cotravail.Web.Common;

public static class Dates
{
    /// <summary>
    /// Dates people may ask about: years 2000 to 2100. Beyond, date arithmetic (a week after 9999-12-30) would
    /// overflow; no booking, event or survey is that far.
    /// </summary>
    public static bool IsPlausible(DateOnly day) => day.Year is >= 2000 and <= 2100;

    public const string NotPlausible = "La date doit être comprise entre l'an 2000 et l'an 2100.";
}
