using Cotravail.Web.Common.Calendar;

namespace Cotravail.Tests.Common;

/// <summary>The add-to-calendar links: Google Agenda and Outlook forms filled in, webcal subscriptions, texts encoded and cut.</summary>
public sealed class AddToCalendarLinkTests
{
    private static readonly DateTime Start = new(2026, 12, 3, 7, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, string> QueryOf(string link)
    {
        var query = new Uri(link).Query.TrimStart('?');
        return query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
    }

    [Fact]
    public void A_timed_event_goes_to_Google_and_Outlook_in_UTC_with_its_texts_encoded()
    {
        var item = CalendarItem.Timed("Atelier : café & code #1", Start, Start.AddHours(2), "Détails : https://cotravail.example/agenda/5?x=1", "Tiers-lieu de Luzech, 2 rue de l'Église");

        var google = AddToCalendar.Google(item);
        Assert.StartsWith("https://calendar.google.com/calendar/render?action=TEMPLATE&text=", google, StringComparison.Ordinal);
        Assert.Contains("dates=20261203T070000Z%2F20261203T090000Z", google, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", google, StringComparison.Ordinal);
        Assert.DoesNotContain("&code", google, StringComparison.Ordinal); // « & » of the title is encoded
        var g = QueryOf(google);
        Assert.Equal("Atelier : café & code #1", g["text"]);
        Assert.Equal("Détails : https://cotravail.example/agenda/5?x=1", g["details"]);
        Assert.Equal("Tiers-lieu de Luzech, 2 rue de l'Église", g["location"]);

        var outlook = AddToCalendar.Outlook(item);
        Assert.StartsWith("https://outlook.live.com/calendar/0/deeplink/compose?", outlook, StringComparison.Ordinal);
        var o = QueryOf(outlook);
        Assert.Equal("Atelier : café & code #1", o["subject"]);
        Assert.Equal("2026-12-03T07:00:00Z", o["startdt"]);
        Assert.Equal("2026-12-03T09:00:00Z", o["enddt"]);
        Assert.Equal("Tiers-lieu de Luzech, 2 rue de l'Église", o["location"]);
        Assert.False(o.ContainsKey("allday"));
    }

    [Fact]
    public void A_local_time_given_as_unspecified_is_taken_as_UTC_not_shifted()
    {
        var unspecified = new DateTime(2026, 12, 3, 7, 0, 0, DateTimeKind.Unspecified);
        var link = AddToCalendar.Google(CalendarItem.Timed("Réservation", unspecified, unspecified.AddHours(4)));
        Assert.Equal("20261203T070000Z/20261203T110000Z", QueryOf(link)["dates"]);
    }

    [Fact]
    public void Whole_days_end_the_day_after_the_last_one_without_hours()
    {
        var item = CalendarItem.AllDay("Portes ouvertes", new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1));
        Assert.Equal("20261231/20270102", QueryOf(AddToCalendar.Google(item))["dates"]);
        var o = QueryOf(AddToCalendar.Outlook(item));
        Assert.Equal("2026-12-31", o["startdt"]);
        Assert.Equal("2027-01-02", o["enddt"]);
        Assert.Equal("true", o["allday"]);
    }

    [Fact]
    public void Long_texts_are_cut_with_an_ellipsis_and_the_link_stays_short()
    {
        var longText = string.Concat(Enumerable.Repeat("Une description très détaillée de l'atelier. ", 200));
        var item = CalendarItem.Timed(new string('T', 500), Start, Start.AddHours(1), longText, new string('L', 400));
        var google = AddToCalendar.Google(item);
        var g = QueryOf(google);
        Assert.Equal(AddToCalendar.TitleLength, g["text"].Length);
        Assert.EndsWith("…", g["details"], StringComparison.Ordinal);
        Assert.True(g["details"].Length <= AddToCalendar.DetailsLength);
        Assert.True(g["location"].Length <= AddToCalendar.LocationLength);
        Assert.True(google.Length < 2000, $"{google.Length} characters");
        Assert.True(AddToCalendar.Outlook(item).Length < 2000);
    }

    [Fact]
    public void A_cut_never_splits_an_emoji_and_empty_texts_are_left_out()
    {
        var emojis = string.Concat(Enumerable.Repeat("🎉", 300));
        var cut = AddToCalendar.Cut(emojis, 201)!;
        Assert.EndsWith("🎉…", cut, StringComparison.Ordinal);
        Assert.True(cut.Length <= 201);
        Assert.Equal("court", AddToCalendar.Cut("  court ", 10));

        var link = AddToCalendar.Google(CalendarItem.Timed("Réunion", Start, Start.AddHours(1), details: " ", location: null));
        Assert.DoesNotContain("details=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("location=", link, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_is_offered_as_webcal_to_Google_and_Outlook()
    {
        const string feed = "https://cotravail.example/calendrier/0123456789abcdef0123456789abcdef0123456789abcdef.ics";
        Assert.Equal("webcal://cotravail.example/calendrier/0123456789abcdef0123456789abcdef0123456789abcdef.ics", AddToCalendar.Webcal(feed));
        Assert.Equal("webcal://localhost:5000/calendrier/a.ics", AddToCalendar.Webcal("http://localhost:5000/calendrier/a.ics"));

        var google = AddToCalendar.GoogleSubscribe(feed);
        Assert.Equal("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fcotravail.example%2Fcalendrier%2F0123456789abcdef0123456789abcdef0123456789abcdef.ics", google);

        var outlook = QueryOf(AddToCalendar.OutlookSubscribeLink(feed, "Cotravail – mes réservations"));
        Assert.Equal(feed, outlook["url"]);
        Assert.Equal("Cotravail – mes réservations", outlook["name"]);

        Assert.Throws<ArgumentException>(() => AddToCalendar.Webcal("/calendrier/a.ics"));
        Assert.Throws<ArgumentException>(() => AddToCalendar.Webcal("ftp://example.org/a.ics"));
    }

    [Fact]
    public void An_item_refuses_an_end_before_its_start_or_no_title()
    {
        Assert.Throws<ArgumentException>(() => CalendarItem.Timed("Atelier", Start, Start.AddHours(-1)));
        Assert.Throws<ArgumentException>(() => CalendarItem.Timed(" ", Start, Start));
    }
}
