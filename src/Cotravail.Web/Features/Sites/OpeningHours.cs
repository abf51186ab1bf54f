namespace Cotravail.Web.Features.Sites;

/// <summary>Opening hours of a site on one weekday: one range, or two (a lunch break). No row = closed that day.</summary>
public sealed class OpeningHours
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
    public TimeOnly? Opens2 { get; set; }
    public TimeOnly? Closes2 { get; set; }

    /// <summary>True when the site is open during the whole [start, end) span of this day.</summary>
    public bool Covers(TimeOnly start, TimeOnly end) =>
        (start >= Opens && end <= Closes) ||
        (Opens2 is { } o2 && Closes2 is { } c2 && start >= o2 && end <= c2);
}
