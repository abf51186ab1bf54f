using System.Buffers.Binary;
using System.Security.Cryptography;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Access.Doors;

/// <summary>When a code opens the door, in UTC: from <see cref="FromUtc"/> included to <see cref="UntilUtc"/> excluded.</summary>
public readonly record struct DoorWindow(DateTime FromUtc, DateTime UntilUtc)
{
    public bool Contains(DateTime utc) => FromUtc <= utc && utc < UntilUtc;
}

/// <summary>
/// The rules of door codes, without I/O (ADR 0057): the window of each code from the site's local times and time zone, and
/// the code itself, drawn from the site's key so that it is the same wherever it is computed (the card, the confirmation
/// e-mail, the lock) and never stored in clear before it is needed.
/// </summary>
public static class DoorCodeRules
{
    /// <summary>How many codes there are: six digits from 1 to 9 (Nuki's keypad has no 0), not starting with 12.</summary>
    public const int CodeCount = 531_441 - 6_561;

    private const int Half = 729; // 9^3: a code is two halves of three digits
    private const int Rounds = 8;

    /// <summary>A booking's slot on <paramref name="date"/>, local <paramref name="start"/> to <paramref name="end"/> (an end at or before the start is on the next day).</summary>
    public static DoorWindow ForSlot(TimeZoneInfo zone, DateOnly date, TimeOnly start, TimeOnly end)
    {
        var endDate = end <= start ? date.AddDays(1) : date;
        return new DoorWindow(ToUtc(zone, date, start), ToUtc(zone, endDate, end));
    }

    /// <summary>The code of the day: from the site's local midnight to the next (23 or 25 hours on the days the clocks change).</summary>
    public static DoorWindow ForDay(TimeZoneInfo zone, DateOnly date) =>
        new(ToUtc(zone, date, TimeOnly.MinValue), ToUtc(zone, date.AddDays(1), TimeOnly.MinValue));

    /// <summary>The site's opening ranges that day (one, or two around a lunch break); none when <paramref name="hours"/> is null (closed).</summary>
    public static IReadOnlyList<DoorWindow> ForOpeningHours(TimeZoneInfo zone, DateOnly date, OpeningHours? hours)
    {
        if (hours is null)
        {
            return [];
        }
        var windows = new List<DoorWindow> { ForSlot(zone, date, hours.Opens, hours.Closes) };
        if (hours.Opens2 is { } o2 && hours.Closes2 is { } c2)
        {
            windows.Add(ForSlot(zone, date, o2, c2));
        }
        return windows;
    }

    /// <summary>
    /// A local time to UTC. A time the clock skips (02:30 on the last Sunday of March in Paris) is the instant the clock
    /// jumps to; a time it shows twice (02:30 on the last Sunday of October) is its first occurrence.
    /// </summary>
    public static DateTime ToUtc(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Forward minute by minute to the first time that exists: the end of the gap.
            var after = local;
            while (zone.IsInvalidTime(after))
            {
                after = after.AddMinutes(1);
            }
            return TimeZoneInfo.ConvertTimeToUtc(after, zone);
        }
        if (zone.IsAmbiguousTime(local))
        {
            return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>
    /// The code of <paramref name="kind"/> number <paramref name="sourceId"/> under the site's key: a keyed permutation of
    /// the codes (a Feistel network on two halves of three digits), so two sources of a site never share a code until
    /// their numbers are <see cref="CodeCount"/>/3 apart, and nobody without the key can guess one from another.
    /// </summary>
    public static string Code(ReadOnlySpan<byte> key, GrantKind kind, int sourceId)
    {
        var index = (int)((((long)sourceId * 3) + (int)kind) % CodeCount);
        if (index < 0)
        {
            index += CodeCount;
        }
        // Into the 9^6 codes, stepping over the block that starts with 12; then permuted, walking the cycle out of that block.
        var value = index < FirstTwelve ? index : index + BlockOfTwelve;
        do
        {
            value = Permute(key, value);
        }
        while (StartsWithTwelve(value));
        return Digits(value);
    }

    /// <summary>True for a code a Nuki keypad takes: six digits 1–9, not starting with 12.</summary>
    public static bool IsKeypadCode(string? code) =>
        code is { Length: 6 } && code.All(c => c is >= '1' and <= '9') && !code.StartsWith("12", StringComparison.Ordinal);

    /// <summary>The code as people read it: « 482 915 ».</summary>
    public static string Spaced(string code) => code.Length == 6 ? code[..3] + " " + code[3..] : code;

    /// <summary>A new key for a site.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private const int FirstTwelve = 6_561; // 0·9^5 + 1·9^4: digits « 1 2 … »
    private const int BlockOfTwelve = 6_561;

    private static bool StartsWithTwelve(int value) => value is >= FirstTwelve and < FirstTwelve + BlockOfTwelve;

    private static int Permute(ReadOnlySpan<byte> key, int value)
    {
        var (left, right) = (value / Half, value % Half);
        Span<byte> input = stackalloc byte[3];
        Span<byte> mac = stackalloc byte[32];
        for (var round = 0; round < Rounds; round++)
        {
            input[0] = (byte)round;
            BinaryPrimitives.WriteUInt16BigEndian(input[1..], (ushort)right);
            HMACSHA256.HashData(key, input, mac);
            var f = (int)(BinaryPrimitives.ReadUInt32BigEndian(mac) % Half);
            (left, right) = (right, (left + f) % Half);
        }
        return (left * Half) + right;
    }

    private static string Digits(int value)
    {
        Span<char> digits = stackalloc char[6];
        for (var i = 5; i >= 0; i--)
        {
            digits[i] = (char)('1' + (value % 9));
            value /= 9;
        }
        return new string(digits);
    }

    /// <summary>« entre 9 h et 13 h » (or with the dates when the window spans days), in the site's local time.</summary>
    public static string Describe(TimeZoneInfo zone, DoorWindow window, Func<string, object[], string> localize)
    {
        ArgumentNullException.ThrowIfNull(localize);
        var from = TimeZoneInfo.ConvertTimeFromUtc(window.FromUtc, zone);
        var until = TimeZoneInfo.ConvertTimeFromUtc(window.UntilUtc, zone);
        if (from.Date == until.Date)
        {
            return localize("entre {0} et {1}", [Common.Format.Time(TimeOnly.FromDateTime(from)), Common.Format.Time(TimeOnly.FromDateTime(until))]);
        }
        return localize("du {0} à {1} au {2} à {3}", [Common.Format.LongDate(DateOnly.FromDateTime(from)), Common.Format.Time(TimeOnly.FromDateTime(from)),
            Common.Format.LongDate(DateOnly.FromDateTime(until)), Common.Format.Time(TimeOnly.FromDateTime(until))]);
    }
}
