using Cotravail.Web.Features.Events;

namespace Cotravail.Tests.Events;

public sealed class EventRulesTests
{
    [Fact]
    public void Every_first_Tuesday_of_the_month_gives_the_first_Tuesdays()
    {
        var dates = Recurrence.Dates(new DateOnly(2027, 1, 5), Repeat.MonthlyByWeekday, 4);
        Assert.Equal([new(2027, 1, 5), new(2027, 2, 2), new(2027, 3, 2), new(2027, 4, 6)], dates);
    }

    [Fact]
    public void A_fifth_weekday_repeats_as_the_last_one_of_each_month()
    {
        var dates = Recurrence.Dates(new DateOnly(2026, 12, 29), Repeat.MonthlyByWeekday, 3);
        Assert.Equal([new(2026, 12, 29), new(2027, 1, 26), new(2027, 2, 23)], dates);
    }

    [Fact]
    public void Weekly_repetition_keeps_the_weekday()
    {
        Assert.Equal([new(2026, 12, 3), new(2026, 12, 10), new(2026, 12, 17)], Recurrence.Dates(new DateOnly(2026, 12, 3), Repeat.Weekly, 3));
    }

    [Fact]
    public void A_description_keeps_its_formatting_but_loses_scripts_and_dangerous_links()
    {
        var html = EventText.ToHtml("**Bienvenue** <script>alert(1)</script> [lien](javascript:alert(1)) [site](https://exemple.fr) <img src=x onerror=alert(1)>");
        Assert.Contains("<strong>Bienvenue</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://exemple.fr\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Registration_closes_the_configured_time_before_the_start()
    {
        var e = new Event { Status = EventStatus.Published, StartUtc = new DateTime(2026, 12, 10, 17, 0, 0), RegistrationCloseMinutes = 120 };
        Assert.Null(e.RegistrationClosedReason(new DateTime(2026, 12, 10, 14, 59, 0)));
        Assert.Equal("Les inscriptions sont closes pour cet événement.", e.RegistrationClosedReason(new DateTime(2026, 12, 10, 15, 0, 0)));
        Assert.Equal("Cet événement est passé : les inscriptions sont closes.", e.RegistrationClosedReason(new DateTime(2026, 12, 10, 17, 0, 0)));
    }
}
