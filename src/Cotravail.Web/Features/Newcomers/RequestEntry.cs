namespace Cotravail.Web.Features.Newcomers;

/// <summary>What happened on a request: its arrival, a note, an e-mail sent, a status change, an introduction — who and when.</summary>
public sealed class RequestEntry
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public EntryKind Kind { get; set; }
    public string Text { get; set; } = "";
    public RequestStatus? FromStatus { get; set; }
    public RequestStatus? ToStatus { get; set; }
    public string? ByUserId { get; set; }
    public string ByName { get; set; } = "";
    public DateTime AtUtc { get; set; }
}
