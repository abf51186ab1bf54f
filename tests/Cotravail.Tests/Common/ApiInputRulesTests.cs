using System.Globalization;
using Cotravail.Web.Common.Api;

namespace Cotravail.Tests.Common;

/// <summary>The API's bindable input types without I/O: a day, a range of days.</summary>
public sealed class ApiInputRulesTests
{
    [Theory]
    [InlineData("2026-12-01", 2026, 12, 1)]
    [InlineData("2000-01-01", 2000, 1, 1)]
    [InlineData("2100-12-31", 2100, 12, 31)]
    public void A_day_is_read_from_yyyy_MM_dd(string text, int year, int month, int day)
    {
        Assert.True(Day.TryParse(text, CultureInfo.InvariantCulture, out var parsed));
        Assert.Equal(new DateOnly(year, month, day), parsed.Date);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-02-31")]
    [InlineData("01/12/2026")]
    [InlineData("2026-12-1")]
    [InlineData(" 2026-12-01")]
    [InlineData("2026-12-01T10:00")]
    [InlineData("1999-12-31")]
    [InlineData("2101-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2026-12-01'; DROP TABLE")]
    public void Anything_else_is_not_a_day(string? text)
    {
        Assert.False(Day.TryParse(text, CultureInfo.InvariantCulture, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => Day.Parse(text, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_range_ends_on_its_first_day_or_after_and_counts_both_ends()
    {
        var first = new DateOnly(2026, 12, 1);
        Assert.True(DayRange.TryCreate(first, first, out var one, out _));
        Assert.Equal(1, one.Days);
        Assert.True(DayRange.TryCreate(first, first.AddDays(61), out var two, out _, maxDays: 62));
        Assert.Equal((first, first.AddDays(61), 62), (two.From, two.To, two.Days));

        Assert.False(DayRange.TryCreate(first, first.AddDays(-1), out _, out var before));
        Assert.Equal(DayRange.EndBeforeStart, before);
        Assert.False(DayRange.TryCreate(first, first.AddDays(62), out _, out var tooLong, maxDays: 62));
        Assert.Equal("La période fait au plus 62 jours.", tooLong);
        Assert.False(DayRange.TryCreate(first, first.AddYears(4), out _, out var inWords, maxDays: 1099, maxInWords: "trois ans"));
        Assert.Equal("La période fait au plus trois ans.", inWords);
    }
}
