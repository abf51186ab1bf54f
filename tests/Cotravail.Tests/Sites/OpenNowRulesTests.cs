using Cotravail.Web.Features.Sites;

namespace Cotravail.Tests.Sites;

public sealed class OpenNowRulesTests
{
    /// <summary>Open Monday to Friday 8:30–12:30 and 13:30–18:00; closed for works on Wednesday 9 December 2026.</summary>
    private static Site Site()
    {
        var site = new Site { ClosedOnPublicHolidays = true };
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday })
        {
            site.OpeningHours.Add(new OpeningHours { Day = day, Opens = new(8, 30), Closes = new(12, 30), Opens2 = new(13, 30), Closes2 = new(18, 0) });
        }
        site.Closures.Add(new Closure { StartDate = new(2026, 12, 9), EndDate = new(2026, 12, 9), Reason = "Travaux de fibre" });
        return site;
    }

    [Theory]
    [InlineData("2026-12-08T08:29", false)]
    [InlineData("2026-12-08T08:30", true)]
    [InlineData("2026-12-08T12:29", true)]
    [InlineData("2026-12-08T12:30", false)] // lunch
    [InlineData("2026-12-08T13:30", true)]
    [InlineData("2026-12-08T18:00", false)]
    [InlineData("2026-12-09T10:00", false)] // closure
    [InlineData("2026-12-12T10:00", false)] // Saturday
    public void A_site_is_open_inside_its_ranges_of_the_day(string local, bool open) =>
        Assert.Equal(open, SiteCalendar.IsOpenAt(Site(), DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-12-08T07:00", "2026-12-08T08:30")]
    [InlineData("2026-12-08T12:45", "2026-12-08T13:30")] // after lunch, the same day
    [InlineData("2026-12-08T19:00", "2026-12-10T08:30")] // Wednesday is closed for works
    [InlineData("2026-12-11T18:30", "2026-12-14T08:30")] // after Friday, Monday
    [InlineData("2026-12-24T19:00", "2026-12-28T08:30")] // Christmas is a public holiday
    public void The_next_opening_skips_lunch_closures_weekends_and_holidays(string local, string next)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(DateTime.Parse(next, culture), SiteCalendar.NextOpening(Site(), DateTime.Parse(local, culture)));
    }

    [Fact]
    public void A_site_without_hours_has_no_next_opening() => Assert.Null(SiteCalendar.NextOpening(new Site(), new DateTime(2026, 12, 8, 9, 0, 0)));
}
