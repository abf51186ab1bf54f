namespace Cotravail.Web.Features.Entrepreneurs;

public enum ReportOutcome
{
    Open,
    Dismissed,
    Hidden,
}

/// <summary>A member reports a profile or a listing; a manager dismisses the report or hides what it names.</summary>
public sealed class Report
{
    public int Id { get; set; }
    public string ReporterUserId { get; set; } = "";
    public int? ProfileId { get; set; }
    public Profile? Profile { get; set; }
    public int? ListingId { get; set; }
    public Listing? Listing { get; set; }
    public string Reason { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public ReportOutcome Outcome { get; set; }
    public DateTime? HandledAtUtc { get; set; }
    public string? HandledByUserId { get; set; }
}
