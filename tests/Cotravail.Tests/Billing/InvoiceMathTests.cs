using Cotravail.Web.Features.Billing;

namespace Cotravail.Tests.Billing;

public sealed class InvoiceMathTests
{
    [Theory]
    [InlineData(1, 1500, 2000, 1250, 250, 1500)]   // a day pass at 20 %
    [InlineData(3, 800, 2000, 2000, 400, 2400)]    // three half-days
    [InlineData(1, 800, 2000, 667, 133, 800)]      // 6,666… rounded half away from zero
    [InlineData(7, 1000, 550, 6635, 365, 7000)]    // 5,5 %
    [InlineData(2, 1500, 0, 3000, 0, 3000)]        // no VAT
    public void A_line_is_exact_to_the_cent_and_its_parts_add_up(int quantity, int unitIncl, int rate, int excl, int vat, int incl)
    {
        var line = InvoiceMath.Line(new LineRequest("Pass journée", quantity, unitIncl, rate), 1);
        Assert.Equal(excl, line.TotalExclTaxCents);
        Assert.Equal(vat, line.VatCents);
        Assert.Equal(incl, line.TotalInclTaxCents);
        Assert.Equal(line.TotalInclTaxCents, line.TotalExclTaxCents + line.VatCents);
    }

    [Fact]
    public void Bad_lines_are_explained()
    {
        Assert.Contains("La quantité va de 1 à 10000.", InvoiceMath.Problems(new LineRequest("x", 0, 100, 2000)));
        Assert.Contains("Le prix unitaire doit être positif (100 000 € au plus).", InvoiceMath.Problems(new LineRequest("x", 1, -1, 2000)));
        Assert.Contains("La désignation est obligatoire.", InvoiceMath.Problems(new LineRequest(" ", 1, 100, 2000)));
        Assert.Empty(InvoiceMath.Problems(new LineRequest("Pass", 1, 1500, 2000)));
    }

    [Fact]
    public void Numbers_read_prefix_year_and_six_digits() =>
        Assert.Equal("F2026-000123", InvoiceMath.Number("F", 2026, 123));
}
