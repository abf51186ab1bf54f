namespace Cotravail.Web.Features.Billing;

/// <summary>
/// The daily closing of a site's till: expected cash against counted cash, one per site and local day. Once closed it
/// never changes: a later recount is a new row that <see cref="CorrectsCashUpId"/> the original, with its own comment.
/// A difference between counted and expected is accepted only with a comment and the host's confirmation.
/// </summary>
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

    /// <summary>For a correction: the cash-up of the day it corrects (null for the day's cash-up itself).</summary>
    public int? CorrectsCashUpId { get; set; }
}
