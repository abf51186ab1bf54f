namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>
/// A conversation through the relay: the person who made contact and the owner of the profile contacted. Neither sees
/// the other's e-mail address; each message is stored here and announced by e-mail with a link back to this page.
/// </summary>
public sealed class Conversation
{
    public int Id { get; set; }
    public string StarterUserId { get; set; } = "";
    public string RecipientUserId { get; set; } = "";
    public int RecipientProfileId { get; set; }
    public int? ListingId { get; set; }
    public string Subject { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime LastMessageAtUtc { get; set; }
    public List<ConversationMessage> Messages { get; } = [];

    public bool Involves(string userId) => StarterUserId == userId || RecipientUserId == userId;

    public string OtherThan(string userId) => StarterUserId == userId ? RecipientUserId : StarterUserId;
}
