using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Tests.Booking;

public sealed class BookingRulesTests
{
    // Tuesday 1 December 2026, 09:00 in Paris.
    private static readonly DateTime Now = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static (Site Site, Resource Desks, Resource Room) Site(bool allDay = false)
    {
        var site = new Site { Id = 1, Name = "Luzech", TimeZone = "Europe/Paris", ClosedOnPublicHolidays = true };
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            site.OpeningHours.Add(allDay
                ? new OpeningHours { Day = day, Opens = new(0, 0), Closes = new(23, 30) }
                : new OpeningHours { Day = day, Opens = new(8, 0), Closes = new(22, 0) });
        }
        var desks = new Resource { Id = 10, Kind = ResourceKind.DeskPool, Capacity = 12, Name = "Espace partagé" };
        var room = new Resource { Id = 11, Kind = ResourceKind.MeetingRoom, Capacity = 8, Name = "Salle" };
        site.Resources.AddRange([desks, room]);
        return (site, desks, room);
    }

    private static BookingRequest Desk(string date, Period period) => new(10, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), period, null, null);

    private static BookingRequest Room(string start, string end) => new(11, null, null,
        DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void A_desk_day_is_priced_at_the_site_tariff_and_spans_the_opening_hours()
    {
        var (site, desks, _) = Site();
        var plan = BookingRules.Check(site, desks, Desk("2026-12-03", Period.Day), Now).Plan!;
        Assert.Equal(1500, plan.PriceCents);
        Assert.Equal(new TimeOnly(8, 0), plan.LocalStart);
        Assert.Equal(new TimeOnly(22, 0), plan.LocalEnd);
        Assert.Equal(new DateTime(2026, 12, 3, 7, 0, 0, DateTimeKind.Utc), plan.StartUtc);
        Assert.Equal([HalfDay.Morning, HalfDay.Afternoon], plan.Halves);

        var morning = BookingRules.Check(site, desks, Desk("2026-12-03", Period.Morning), Now).Plan!;
        Assert.Equal(800, morning.PriceCents);
        Assert.Equal(new TimeOnly(13, 0), morning.LocalEnd);
    }

    [Fact]
    public void With_a_lunch_closure_the_morning_is_the_first_range_and_the_afternoon_the_second()
    {
        var (site, desks, _) = Site();
        site.OpeningHours.Clear();
        site.OpeningHours.Add(new OpeningHours { Day = DayOfWeek.Thursday, Opens = new(8, 30), Closes = new(12, 30), Opens2 = new(13, 30), Closes2 = new(18, 0) });

        var morning = BookingRules.Check(site, desks, Desk("2026-12-03", Period.Morning), Now).Plan!;
        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(12, 30)), (morning.LocalStart, morning.LocalEnd));
        var afternoon = BookingRules.Check(site, desks, Desk("2026-12-03", Period.Afternoon), Now).Plan!;
        Assert.Equal((new TimeOnly(13, 30), new TimeOnly(18, 0)), (afternoon.LocalStart, afternoon.LocalEnd));
        var day = BookingRules.Check(site, desks, Desk("2026-12-03", Period.Day), Now).Plan!;
        Assert.Equal((new TimeOnly(8, 30), new TimeOnly(18, 0)), (day.LocalStart, day.LocalEnd));
    }

    [Theory]
    [InlineData("2026-11-30", Period.Day, "date", "Cette date est passée.")]
    [InlineData("2026-12-25", Period.Day, "date", "L'espace est fermé ce jour-là (Noël).")]
    [InlineData("2027-03-02", Period.Day, "date", "On ne peut pas réserver plus de 90 jours à l'avance.")]
    public void Desk_bookings_outside_what_is_allowed_are_refused_with_a_message(string date, Period period, string field, string message)
    {
        var (site, desks, _) = Site();
        var result = BookingRules.Check(site, desks, Desk(date, period), Now);
        Assert.False(result.IsValid);
        Assert.Equal([message], result.Errors[field]);
    }

    [Fact]
    public void This_morning_can_still_be_booked_until_it_ends_but_not_after()
    {
        var (site, desks, _) = Site();
        Assert.True(BookingRules.Check(site, desks, Desk("2026-12-01", Period.Morning), Now).IsValid);
        var afternoonNow = new DateTime(2026, 12, 1, 13, 30, 0, DateTimeKind.Utc); // 14:30 in Paris
        var late = BookingRules.Check(site, desks, Desk("2026-12-01", Period.Morning), afternoonNow);
        Assert.Equal(["Cette période est déjà passée."], late.Errors["period"]);
    }

    [Fact]
    public void A_room_is_booked_by_half_hours_inside_opening_hours()
    {
        var (site, _, room) = Site();
        var plan = BookingRules.Check(site, room, Room("2026-12-03T10:00", "2026-12-03T11:30"), Now).Plan!;
        Assert.Equal(3, plan.Slots.Count);
        Assert.Equal(1500, plan.PriceCents); // 1 h 30 at 10 €/h

        Assert.Contains("pile ou à la demie", BookingRules.Check(site, room, Room("2026-12-03T10:15", "2026-12-03T11:00"), Now).Errors["start"][0], StringComparison.Ordinal);
        Assert.Equal(["La fin doit être après le début."], BookingRules.Check(site, room, Room("2026-12-03T11:00", "2026-12-03T10:00"), Now).Errors["end"]);
        Assert.Equal(["La réservation doit tenir dans les horaires d'ouverture de l'espace."],
            BookingRules.Check(site, room, Room("2026-12-03T21:30", "2026-12-03T22:30"), Now).Errors["end"]);
        Assert.True(BookingRules.Check(site, room, new BookingRequest(11, new DateOnly(2026, 12, 3), Period.Day, null, null), Now).Errors.ContainsKey("period"));
    }

    [Fact]
    public void Hourly_bookings_on_the_days_the_clocks_change_get_the_right_instants()
    {
        var (site, _, room) = Site();
        var march = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var spring = BookingRules.Check(site, room, Room("2026-03-29T10:00", "2026-03-29T11:00"), march).Plan!;
        Assert.Equal(new DateTime(2026, 3, 29, 8, 0, 0, DateTimeKind.Utc), spring.StartUtc); // summer time, UTC+2
        var autumnNow = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc);
        var autumn = BookingRules.Check(site, room, Room("2026-10-25T10:00", "2026-10-25T11:00"), autumnNow).Plan!;
        Assert.Equal(new DateTime(2026, 10, 25, 9, 0, 0, DateTimeKind.Utc), autumn.StartUtc); // winter time, UTC+1
        Assert.Equal(2, autumn.Slots.Count);
    }

    [Fact]
    public void Half_past_two_on_29_March_2026_does_not_exist_and_is_refused_clearly()
    {
        var (site, _, room) = Site(allDay: true);
        var march = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var result = BookingRules.Check(site, room, Room("2026-03-29T02:30", "2026-03-29T04:00"), march);
        Assert.False(result.IsValid);
        Assert.Contains("02:30 n'existe pas le 29/03/2026", result.Errors["start"][0], StringComparison.Ordinal);
        Assert.Contains("heure d'été", result.Errors["start"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_is_free_until_18_00_the_day_before_for_desks_and_2_hours_before_for_rooms()
    {
        var (site, desks, room) = Site();
        var desk = new Cotravail.Web.Features.Booking.Booking { Date = new DateOnly(2026, 12, 3), Period = Period.Day, StartUtc = new DateTime(2026, 12, 3, 7, 0, 0, DateTimeKind.Utc) };
        Assert.Equal(new DateTime(2026, 12, 2, 17, 0, 0, DateTimeKind.Utc), CancellationPolicy.FreeUntilUtc(site, desk));
        Assert.False(CancellationPolicy.IsLate(site, desk, new DateTime(2026, 12, 2, 16, 59, 0, DateTimeKind.Utc)));
        Assert.True(CancellationPolicy.IsLate(site, desk, new DateTime(2026, 12, 2, 17, 0, 0, DateTimeKind.Utc)));

        var meeting = new Cotravail.Web.Features.Booking.Booking { Date = new DateOnly(2026, 12, 3), StartUtc = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc) };
        Assert.Equal(new DateTime(2026, 12, 3, 7, 0, 0, DateTimeKind.Utc), CancellationPolicy.FreeUntilUtc(site, meeting));
        _ = (desks, room);
    }
}
