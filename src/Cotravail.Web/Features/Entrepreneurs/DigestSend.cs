namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>One row per member and week: the weekly digest is claimed by inserting it, so it goes out once across instances.</summary>
public sealed class DigestSend
{
    public string UserId { get; set; } = "";
    public DateOnly WeekStart { get; set; }
    public DateTime ClaimedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}
