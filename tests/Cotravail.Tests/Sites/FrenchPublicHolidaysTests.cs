using Cotravail.Web.Features.Sites;

namespace Cotravail.Tests.Sites;

public sealed class FrenchPublicHolidaysTests
{
    [Theory]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2024, "2024-03-31")]
    public void Easter_sunday_is_computed(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FrenchPublicHolidays.EasterSunday(year));

    [Fact]
    public void Eleven_holidays_with_the_moving_ones_of_2026()
    {
        var days = FrenchPublicHolidays.Of(2026);
        Assert.Equal(11, days.Count);
        Assert.Contains(days, d => d.Day == new DateOnly(2026, 4, 6) && d.Name == "Lundi de Pâques");
        Assert.Contains(days, d => d.Day == new DateOnly(2026, 5, 14) && d.Name == "Ascension");
        Assert.Contains(days, d => d.Day == new DateOnly(2026, 5, 25) && d.Name == "Lundi de Pentecôte");
    }

    [Fact]
    public void A_site_is_closed_on_a_holiday_and_during_a_closure_but_open_otherwise()
    {
        var site = new Site { ClosedOnPublicHolidays = true };
        site.OpeningHours.Add(new OpeningHours { Day = DayOfWeek.Friday, Opens = new(8, 0), Closes = new(22, 0) });
        site.Closures.Add(new Closure { StartDate = new(2026, 8, 3), EndDate = new(2026, 8, 16), Reason = "Congés d'été" });

        Assert.Null(SiteCalendar.HoursOn(site, new DateOnly(2026, 12, 25)));
        Assert.Equal("Noël", SiteCalendar.ClosureOn(site, new DateOnly(2026, 12, 25)));
        Assert.Null(SiteCalendar.HoursOn(site, new DateOnly(2026, 8, 7)));
        Assert.Equal("Congés d'été", SiteCalendar.ClosureOn(site, new DateOnly(2026, 8, 7)));
        Assert.NotNull(SiteCalendar.HoursOn(site, new DateOnly(2026, 12, 4)));
        Assert.Null(SiteCalendar.HoursOn(site, new DateOnly(2026, 12, 5))); // a Saturday: no hours

        site.ClosedOnPublicHolidays = false;
        Assert.NotNull(SiteCalendar.HoursOn(site, new DateOnly(2026, 12, 25)));
    }
}
