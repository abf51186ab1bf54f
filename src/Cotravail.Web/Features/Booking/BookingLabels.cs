using Cotravail.Web.Common;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Booking;

/// <summary>How the booking pages name a status, a period and the time of a booking, through the localizer.</summary>
public static class BookingLabels
{
    public static string Status(IStringLocalizer L, BookingStatus status)
    {
        ArgumentNullException.ThrowIfNull(L);
        return status switch
        {
            BookingStatus.Confirmed => L["confirmée"],
            BookingStatus.Cancelled => L["annulée"],
            BookingStatus.LateCancelled => L["annulée tardivement"],
            _ => L["absence"],
        };
    }

    public static string PeriodName(IStringLocalizer L, Period period)
    {
        ArgumentNullException.ThrowIfNull(L);
        return period switch
        {
            Period.Morning => L["matin"],
            Period.Afternoon => L["après-midi"],
            _ => L["journée"],
        };
    }

    /// <summary>« matin, 8 h 00 – 13 h 00 » or « 10 h 00 – 12 h 00 ».</summary>
    public static string Times(IStringLocalizer L, Period? period, TimeOnly start, TimeOnly end)
    {
        var span = $"{Format.Time(start)} – {Format.Time(end)}";
        return period is { } p ? $"{PeriodName(L, p)}, {span}" : span;
    }

    /// <summary>« 12 places libres », « 1 place libre », « complet ».</summary>
    public static string FreePlaces(IStringLocalizer L, int free)
    {
        ArgumentNullException.ThrowIfNull(L);
        return free switch
        {
            <= 0 => L["plus de place"],
            _ => L.Plural(free, "{0} place libre", "{0} places libres"),
        };
    }

    /// <summary>The site-local moment until which a cancellation is free, and whether that moment is still ahead.</summary>
    public static (DateTime Local, bool StillFree) FreeCancellation(Sites.Site site, Booking booking, DateTime nowUtc)
    {
        var until = CancellationPolicy.FreeUntilUtc(site, booking);
        return (SiteTime.ToLocal(site, until), nowUtc < until);
    }
}
