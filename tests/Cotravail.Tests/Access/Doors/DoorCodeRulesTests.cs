using Cotravail.Web.Features.Access.Doors;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Tests.Access.Doors;

/// <summary>The window of a code in UTC from a slot and the site's time zone, at its edges, in Paris time and across both clock changes.</summary>
public sealed class DoorCodeRulesTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Valid from its first minute to its last, never the minute before nor the minute it ends.</summary>
    private static void OpensExactly(DoorWindow window, DateTime fromUtc, DateTime untilUtc)
    {
        Assert.Equal(fromUtc, window.FromUtc);
        Assert.Equal(untilUtc, window.UntilUtc);
        Assert.False(window.Contains(fromUtc.AddMinutes(-1)), "one minute before the slot");
        Assert.True(window.Contains(fromUtc), "the slot's first minute");
        Assert.True(window.Contains(untilUtc.AddMinutes(-1)), "the slot's last minute");
        Assert.False(window.Contains(untilUtc), "the end of the slot");
        Assert.False(window.Contains(untilUtc.AddMinutes(1)), "one minute after the slot");
    }

    [Fact]
    public void A_morning_in_winter_in_Paris_opens_from_9_to_13_local_that_is_8_to_12_UTC()
    {
        var window = DoorCodeRules.ForSlot(Paris, new DateOnly(2026, 12, 1), new TimeOnly(9, 0), new TimeOnly(13, 0));
        OpensExactly(window, Utc(12, 1, 8), Utc(12, 1, 12));
    }

    [Fact]
    public void Around_the_last_Sunday_of_March_the_same_local_slot_moves_one_hour_earlier_in_UTC()
    {
        OpensExactly(DoorCodeRules.ForSlot(Paris, new DateOnly(2026, 3, 28), new TimeOnly(9, 0), new TimeOnly(13, 0)), Utc(3, 28, 8), Utc(3, 28, 12));
        OpensExactly(DoorCodeRules.ForSlot(Paris, new DateOnly(2026, 3, 29), new TimeOnly(9, 0), new TimeOnly(13, 0)), Utc(3, 29, 7), Utc(3, 29, 11));
    }

    [Fact]
    public void Around_the_last_Sunday_of_October_the_same_local_slot_moves_one_hour_later_in_UTC()
    {
        OpensExactly(DoorCodeRules.ForSlot(Paris, new DateOnly(2026, 10, 24), new TimeOnly(9, 0), new TimeOnly(13, 0)), Utc(10, 24, 7), Utc(10, 24, 11));
        OpensExactly(DoorCodeRules.ForSlot(Paris, new DateOnly(2026, 10, 25), new TimeOnly(9, 0), new TimeOnly(13, 0)), Utc(10, 25, 8), Utc(10, 25, 12));
    }

    [Fact]
    public void A_slot_across_the_change_lasts_the_hours_the_clock_really_shows()
    {
        // 01:30 to 03:30 in March: the clock jumps from 02:00 to 03:00, one real hour.
        OpensExactly(DoorCodeRules.ForSlot(Paris, new DateOnly(2026, 3, 29), new TimeOnly(1, 30), new TimeOnly(3, 30)), Utc(3, 29, 0, 30), Utc(3, 29, 1, 30));
        // 01:30 to 03:30 in October: 02:00 to 03:00 happens twice, three real hours.
        OpensExactly(DoorCodeRules.ForSlot(Paris, new DateOnly(2026, 10, 25), new TimeOnly(1, 30), new TimeOnly(3, 30)), Utc(10, 24, 23, 30), Utc(10, 25, 2, 30));
        // A time the clock skips starts when the clock jumps (03:00 local); a repeated one at its first occurrence.
        Assert.Equal(Utc(3, 29, 1), DoorCodeRules.ToUtc(Paris, new DateOnly(2026, 3, 29), new TimeOnly(2, 30)));
        Assert.Equal(Utc(10, 25, 0, 30), DoorCodeRules.ToUtc(Paris, new DateOnly(2026, 10, 25), new TimeOnly(2, 30)));
    }

    [Fact]
    public void The_code_of_the_day_runs_from_local_midnight_to_local_midnight_23_or_25_hours_on_the_days_the_clocks_change()
    {
        OpensExactly(DoorCodeRules.ForDay(Paris, new DateOnly(2026, 12, 1)), Utc(11, 30, 23), Utc(12, 1, 23));
        var march = DoorCodeRules.ForDay(Paris, new DateOnly(2026, 3, 29));
        OpensExactly(march, Utc(3, 28, 23), Utc(3, 29, 22));
        Assert.Equal(TimeSpan.FromHours(23), march.UntilUtc - march.FromUtc);
        var october = DoorCodeRules.ForDay(Paris, new DateOnly(2026, 10, 25));
        OpensExactly(october, Utc(10, 24, 22), Utc(10, 25, 23));
        Assert.Equal(TimeSpan.FromHours(25), october.UntilUtc - october.FromUtc);
        // The next day's code takes over at the very minute.
        Assert.Equal(october.UntilUtc, DoorCodeRules.ForDay(Paris, new DateOnly(2026, 10, 26)).FromUtc);
    }

    [Fact]
    public void A_subscription_opens_during_the_opening_hours_of_the_day_and_not_over_the_lunch_break()
    {
        var hours = new OpeningHours { Day = DayOfWeek.Sunday, Opens = new(8, 30), Closes = new(12, 30), Opens2 = new(14, 0), Closes2 = new(18, 0) };
        var windows = DoorCodeRules.ForOpeningHours(Paris, new DateOnly(2026, 3, 29), hours);
        Assert.Equal(2, windows.Count);
        OpensExactly(windows[0], Utc(3, 29, 6, 30), Utc(3, 29, 10, 30));
        OpensExactly(windows[1], Utc(3, 29, 12), Utc(3, 29, 16));
        Assert.DoesNotContain(windows, w => w.Contains(Utc(3, 29, 11)));
        Assert.Empty(DoorCodeRules.ForOpeningHours(Paris, new DateOnly(2026, 3, 29), null));
    }

    [Fact]
    public void Codes_are_keypad_codes_the_same_each_time_different_for_each_booking_and_for_each_site_key()
    {
        var key = Convert.FromBase64String(DoorCodeRules.NewKey());
        var other = Convert.FromBase64String(DoorCodeRules.NewKey());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var id = 1; id <= 20_000; id++)
        {
            foreach (var kind in new[] { GrantKind.Booking, GrantKind.Entitlement, GrantKind.Daily })
            {
                var code = DoorCodeRules.Code(key, kind, id);
                Assert.True(DoorCodeRules.IsKeypadCode(code), code);
                Assert.True(seen.Add(code), $"{kind} {id} repeats {code}");
            }
        }
        Assert.Equal(DoorCodeRules.Code(key, GrantKind.Booking, 42), DoorCodeRules.Code(key, GrantKind.Booking, 42));
        Assert.NotEqual(DoorCodeRules.Code(key, GrantKind.Booking, 42), DoorCodeRules.Code(other, GrantKind.Booking, 42));
        Assert.False(DoorCodeRules.IsKeypadCode("123456"));
        Assert.False(DoorCodeRules.IsKeypadCode("450123"));
        Assert.Equal("482 915", DoorCodeRules.Spaced("482915"));
    }

    [Fact]
    public void A_lock_that_fails_is_tried_again_after_1_2_4_minutes_and_at_most_every_hour()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), DoorSync.RetryDelay(1));
        Assert.Equal(TimeSpan.FromMinutes(2), DoorSync.RetryDelay(2));
        Assert.Equal(TimeSpan.FromMinutes(4), DoorSync.RetryDelay(3));
        Assert.Equal(TimeSpan.FromMinutes(60), DoorSync.RetryDelay(12));
    }
}
