namespace Cotravail.Web.Features.Billing;

/// <summary>The daily closing of a site's till: expected cash against counted cash. Once closed it never changes.</summary>
public sealed class CashUp
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public DateOnly Date { get; set; }
    public int ExpectedCents { get; set; }
    public int CountedCents { get; set; }
    public int DifferenceCents { get; set; }
    public string? Comment { get; set; }
    public DateTime ClosedAtUtc { get; set; }
    public string ClosedByUserId { get; set; } = "";
}
