namespace Cotravail.Web.Features.Entrepreneurs;

public sealed class ConversationMessage
{
    public int Id { get; set; }
    public int ConversationId { get; set; }
    public string SenderUserId { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime SentAtUtc { get; set; }
}
