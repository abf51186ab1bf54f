using Cotravail.Web.Features.Billing;

namespace Cotravail.Tests.Billing;

/// <summary>The status rule without a database: each status, and the due date itself not yet late.</summary>
public sealed class InvoiceStatusTests
{
    private static readonly DateOnly Due = new(2026, 12, 31);

    [Theory]
    [InlineData(3000, 0, 0, "2026-12-15", InvoiceStatus.Unpaid)]
    [InlineData(3000, 0, 1000, "2026-12-15", InvoiceStatus.PartlyPaid)]
    [InlineData(3000, 0, 3000, "2026-12-15", InvoiceStatus.Paid)]
    [InlineData(3000, 0, 3000, "2027-03-01", InvoiceStatus.Paid)]
    [InlineData(3000, 0, 0, "2026-12-31", InvoiceStatus.Unpaid)] // the due date itself: not late yet
    [InlineData(3000, 0, 0, "2027-01-01", InvoiceStatus.Overdue)] // the day after
    [InlineData(3000, 0, 1000, "2027-01-01", InvoiceStatus.Overdue)] // late wins over partly paid
    [InlineData(3000, 3000, 0, "2027-01-01", InvoiceStatus.Credited)]
    [InlineData(3000, 3000, 500, "2026-12-15", InvoiceStatus.Credited)] // fully credited, even if something was paid
    [InlineData(3000, 1000, 2000, "2027-01-01", InvoiceStatus.Paid)] // partly credited, the rest paid
    [InlineData(3000, 1000, 0, "2026-12-15", InvoiceStatus.Unpaid)] // partly credited, nothing paid
    [InlineData(3000, 1000, 0, "2027-01-01", InvoiceStatus.Overdue)]
    [InlineData(0, 0, 0, "2027-01-01", InvoiceStatus.Paid)] // nothing to pay
    public void The_status_follows_credit_notes_payments_and_the_due_date(int total, int credited, int paid, string today, InvoiceStatus expected) =>
        Assert.Equal(expected, InvoiceStatusRule.Of(total, credited, paid, Due, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Each_status_has_a_french_word_and_an_api_name_read_back()
    {
        Assert.Equal(["réglée", "réglée en partie", "à régler", "en retard", "annulée par avoir"], Enum.GetValues<InvoiceStatus>().Select(s => s.French()));
        Assert.Equal(["paid", "partlyPaid", "unpaid", "overdue", "credited"], Enum.GetValues<InvoiceStatus>().Select(s => s.ApiName()));
        Assert.All(Enum.GetValues<InvoiceStatus>(), s => Assert.Equal(s, InvoiceStatusRule.FromApiName(s.ApiName())));
        Assert.Null(InvoiceStatusRule.FromApiName("payée"));
    }
}
