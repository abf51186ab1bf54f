namespace Cotravail.Web.Features.Booking;

/// <summary>The part of a day a desk booking covers.</summary>
public enum Period
{
    Morning = 0,
    Afternoon = 1,
    Day = 2,
}

/// <summary>The two halves of a day that desk capacity is counted in; a day booking takes both.</summary>
public enum HalfDay
{
    Morning = 0,
    Afternoon = 1,
}

public enum BookingStatus
{
    Confirmed = 0,
    /// <summary>Cancelled before the cut-off: nothing is due.</summary>
    Cancelled = 1,
    /// <summary>Cancelled after the cut-off: kept for billing.</summary>
    LateCancelled = 2,
    /// <summary>Nobody came (set by the reception desk).</summary>
    NoShow = 3,
}

public static class PeriodText
{
    public static IReadOnlyList<HalfDay> Halves(this Period period) => period switch
    {
        Period.Morning => [HalfDay.Morning],
        Period.Afternoon => [HalfDay.Afternoon],
        _ => [HalfDay.Morning, HalfDay.Afternoon],
    };

    public static string French(this Period period) => period switch
    {
        Period.Morning => "matin",
        Period.Afternoon => "après-midi",
        _ => "journée",
    };

    public static string ApiName(this Period period) => period switch
    {
        Period.Morning => "morning",
        Period.Afternoon => "afternoon",
        _ => "day",
    };

    public static Period? FromApiName(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "morning" => Period.Morning,
        "afternoon" => Period.Afternoon,
        "day" => Period.Day,
        _ => null,
    };
}
