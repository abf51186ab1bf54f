using System.Globalization;
using Cotravail.Web.Common;

namespace Cotravail.Tests.Common;

public sealed class FormatTests
{
    [Fact]
    public void Euros_are_written_the_French_way_with_a_no_break_space()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("15,00\u00a0€", Format.Euros(1500));
            Assert.Equal("0,50\u00a0€", Format.Euros(50));
            Assert.Equal("mardi 1er décembre 2026", Format.LongDate(new DateOnly(2026, 12, 1)));
            Assert.Equal("jeudi 3 décembre 2026", Format.LongDate(new DateOnly(2026, 12, 3)));
            Assert.Equal("1er janvier 2027", Format.Date(new DateOnly(2027, 1, 1)));
            Assert.Equal("21 janvier 2027", Format.Date(new DateOnly(2027, 1, 21)));
            Assert.Equal("1er mai", Format.DayAndMonth(new DateOnly(2027, 5, 1)));
            Assert.Equal("Friday 1 January 2027", Format.LongDate(new DateOnly(2027, 1, 1), CultureInfo.GetCultureInfo("en-GB")));
            Assert.Equal("8\u00a0h\u00a030", Format.Time(new TimeOnly(8, 30)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}

public sealed class DaysFormatTests
{
    [Fact]
    public void Weekdays_read_as_a_range_or_a_list()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("du lundi au samedi", Format.Days([DayOfWeek.Saturday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]));
            Assert.Equal("lundi, mercredi et vendredi", Format.Days([DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday]));
            Assert.Equal("samedi et dimanche", Format.Days([DayOfWeek.Sunday, DayOfWeek.Saturday]));
            Assert.Equal("jeudi", Format.Days([DayOfWeek.Thursday]));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
