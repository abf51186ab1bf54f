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
            Assert.Equal("mardi 1 décembre 2026", Format.LongDate(new DateOnly(2026, 12, 1)));
            Assert.Equal("8 h 30", Format.Time(new TimeOnly(8, 30)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
