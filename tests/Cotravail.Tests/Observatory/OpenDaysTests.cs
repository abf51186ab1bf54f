using Cotravail.Web.Features.Observatory;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Tests.Observatory;

/// <summary>Desk-days offered: the days a site opens in a month, less public holidays (if it closes then) and closures.</summary>
public sealed class OpenDaysTests
{
    // November 2026: 21 weekdays (Monday to Friday), 4 Saturdays; 1 November is a Sunday, 11 November a Wednesday.
    private static readonly MonthSpan November = MonthSpan.Between(new(2026, 11, 1), new(2026, 11, 30))[0];
    private const int MondayToFriday = 0b0111110;
    private const int MondayToSaturday = 0b1111110;

    private static SiteDesks Site(int weekdays, bool closedOnHolidays, params Closure[] closures) =>
        new(1, "Espace", 12, weekdays, closedOnHolidays, closures);

    [Fact]
    public void A_month_counts_the_open_weekdays_less_holidays_and_the_sites_own_closures()
    {
        var days = new OpenDays(November.Start, November.End);
        Assert.Equal(20, days.Of(Site(MondayToFriday, closedOnHolidays: true), November));
        Assert.Equal(21, days.Of(Site(MondayToFriday, closedOnHolidays: false), November));
        Assert.Equal(24, days.Of(Site(MondayToSaturday, closedOnHolidays: true), November));
        var holidayWeek = new Closure { StartDate = new(2026, 11, 16), EndDate = new(2026, 11, 22) };
        Assert.Equal(15, days.Of(Site(MondayToFriday, closedOnHolidays: true, holidayWeek), November));
        // A closure outside the month, and the count shared by sites without closures, are left as they were.
        var december = new Closure { StartDate = new(2026, 12, 24), EndDate = new(2026, 12, 31) };
        Assert.Equal(20, days.Of(Site(MondayToFriday, closedOnHolidays: true, december), November));
        Assert.Equal(20, days.Of(Site(MondayToFriday, closedOnHolidays: true), November));
    }

    [Fact]
    public void A_month_cut_by_the_period_counts_only_its_days()
    {
        var upToTen = MonthSpan.Between(new(2026, 11, 1), new(2026, 11, 10))[0];
        var days = new OpenDays(upToTen.Start, upToTen.End);
        Assert.Equal(7, days.Of(Site(MondayToFriday, closedOnHolidays: true), upToTen)); // 2–6 and 9–10 November
        Assert.Equal(20, days.Of(Site(MondayToFriday, closedOnHolidays: true), November)); // not the cut month's count
    }
}
