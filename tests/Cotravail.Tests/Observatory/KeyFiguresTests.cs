using Cotravail.Web.Features.Observatory;

namespace Cotravail.Tests.Observatory;

/// <summary>The rules behind the page at a glance: French month names, the month in progress, changes over a year, totals.</summary>
public sealed class KeyFiguresTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static SiteMonth Month(int site, string month, int visits, int participants = 0, int help = 0, int usedTenths = 0, int offered = 0, int events = 0) =>
        new(site, $"Espace {site}", month, visits, visits, 0, visits, usedTenths, offered, events, participants, help);

    private static IndicatorSet Set(params SiteMonth[] months) =>
        new(new(2026, 10, 1), new(2026, 12, 7), months, [], [new Revenue("Journée", 4500)], 2, 12);

    [Fact]
    public void A_month_reads_in_French_and_the_current_one_is_in_progress()
    {
        var january = MonthLabel.Of("2026-01", Today);
        Assert.Equal("janvier 2026", january.Name);
        Assert.False(january.InProgress);
        Assert.Equal("janvier 2026", january.Text);
        Assert.Equal(new DateOnly(2026, 1, 1), january.Month);

        var december = MonthLabel.Of(new DateOnly(2026, 12, 31), Today);
        Assert.True(december.InProgress);
        Assert.Equal("décembre 2026 (en cours)", december.Text);
        Assert.Equal("févr. 26", MonthLabel.Of("2026-02", Today).Short);
        // The same month a year before is not in progress.
        Assert.False(MonthLabel.Of("2025-12", Today).InProgress);
        Assert.Equal("août 2025", MonthLabel.Of("2025-08", Today).Name);
    }

    [Theory]
    [InlineData(112, 100, "+12 %", 12)]
    [InlineData(95, 100, "−5 %", -5)]
    [InlineData(100, 100, "=", 0)]
    [InlineData(7, 0, "nouveau", null)]
    [InlineData(0, 0, "—", null)]
    [InlineData(-1, 20, "—", null)] // « moins de 5 » now: no change told
    [InlineData(20, -1, "—", null)] // « moins de 5 » before
    [InlineData(1, 3, "−67 %", -67)]
    [InlineData(201, 200, "+1 %", 1)] // 0.5 % rounds away from zero
    [InlineData(899, 100, "+799 %", 799)]
    [InlineData(1000, 100, "×10", 900)] // tenfold and more: a multiple
    [InlineData(4294, 74, "×58", 5703)]
    public void A_change_over_a_year_reads_as_people_say_it(int now, int before, string text, int? percent)
    {
        var change = new Change(now, before);
        Assert.Equal(text, change.Text);
        Assert.Equal(percent, change.Percent is { } p ? (int)p : null);
    }

    [Fact]
    public void Key_figures_add_every_site_up_per_month_and_leave_the_month_in_progress_out_of_trends()
    {
        var set = Set(
            Month(1, "2026-10", 30, participants: 6, help: 1, usedTenths: 50, offered: 20, events: 2),
            Month(2, "2026-10", 10, participants: 2, usedTenths: 10, offered: 20),
            Month(1, "2026-11", 20, usedTenths: 30, offered: 20, events: 1),
            Month(2, "2026-11", 3),
            Month(1, "2026-12", 4, help: 2));
        var figures = KeyFigures.Of(set, Today);

        Assert.Equal(["octobre 2026", "novembre 2026", "décembre 2026 (en cours)"], figures.Months.Select(m => m.Month.Text));
        Assert.Equal([40, 23, 4], figures.Months.Select(m => m.Visits));
        Assert.Equal(67, figures.Visits);
        Assert.Equal(3, figures.EventsHeld);
        Assert.Equal(8, figures.Participants);
        Assert.Equal(3, figures.HelpSignups);
        Assert.Equal(12, figures.NetworkMembers);
        Assert.Equal(2, figures.NewMembers);
        Assert.Equal(4500, figures.RevenueCents);
        // 9 desk-days used (90 tenths) out of 60 offered.
        Assert.Equal(15.0m, figures.OccupancyPercent);
        Assert.Equal(15.0m, figures.Months[0].OccupancyPercent); // 6 of 40
        Assert.Equal(["octobre 2026", "novembre 2026"], figures.Complete.Select(m => m.Month.Text));

        var open = figures.Public();
        Assert.Null(open.RevenueCents);
        Assert.Null(open.NewMembers);
        Assert.Equal([40, 23, -1], open.Months.Select(m => m.Visits));
        Assert.Equal(-1, open.HelpSignups);
        Assert.Equal(67, open.Visits);
        Assert.Equal(12, open.NetworkMembers);
    }

    [Fact]
    public void Key_figures_refuse_figures_already_made_public()
    {
        var set = Set(Month(1, "2026-11", 3)).Public();
        Assert.Throws<ArgumentException>(() => KeyFigures.Of(set, Today));
    }

    [Fact]
    public void A_glance_sums_the_whole_figures_then_hides_small_counts_and_compares_the_complete_months_with_the_year_before()
    {
        var now = Set(Month(1, "2026-10", 30), Month(2, "2026-10", 3), Month(1, "2026-11", 20), Month(2, "2026-11", 3), Month(1, "2026-12", 2));
        var before = Set(Month(1, "2025-10", 10), Month(2, "2025-10", 2), Month(1, "2025-11", 16), Month(2, "2025-11", 2), Month(1, "2025-12", 9)) with
        {
            From = new(2025, 10, 1), To = new(2025, 12, 7),
        };
        var comparison = new Comparison(now, before, KeyFigures.Of(now, Today), KeyFigures.Of(before, Today));

        var managers = Glance.Of(comparison, isPublic: false, "Réseau", ["CC de la Vallée du Lot et du Vignoble"], Today);
        Assert.Equal([33, 23, 2], managers.Months.Select(m => m.Visits));
        Assert.Equal([12, 18, 9], managers.Months.Select(m => m.VisitsBefore));
        Assert.True(managers.Months[2].Month.InProgress);
        Assert.Equal(2, managers.CompleteMonths);
        Assert.Equal(new Change(28, 15), managers.AverageVisits); // (33 + 23) / 2 against (12 + 18) / 2
        Assert.Equal("+87 %", managers.AverageVisits!.Text);
        Assert.Equal(["Espace 1", "Espace 2"], managers.Sites.Select(s => s.Site));
        Assert.Equal(new Change(52, 35), managers.Sites[0].Visits);
        Assert.Equal(new Change(6, 4), managers.Sites[1].Visits);

        // Public: site 2's 6 visits (3 + 3) are shown as a sum, its year before (4) is not.
        var open = Glance.Of(comparison, isPublic: true, "Réseau", [], Today);
        Assert.Equal([33, 23, -1], open.Months.Select(m => m.Visits));
        Assert.Equal(new Change(6, -1), open.Sites[1].Visits);
        Assert.Equal(new Change(28, 15), open.AverageVisits);
        Assert.Null(open.Comparison.RevenueCents);
        Assert.Null(open.Comparison.Now.Revenue);
        Assert.Equal(-1, open.Comparison.NowFigures.Months[2].Visits);

        // An average over complete months that hide a small count would tell it again: the public page leaves it out.
        var quiet = Set(Month(1, "2026-10", 3), Month(1, "2026-11", 40));
        var quietComparison = new Comparison(quiet, before, KeyFigures.Of(quiet, Today), KeyFigures.Of(before, Today));
        Assert.Null(Glance.Of(quietComparison, isPublic: true, "Réseau", [], Today).AverageVisits);
        Assert.NotNull(Glance.Of(quietComparison, isPublic: false, "Réseau", [], Today).AverageVisits);
    }
}
