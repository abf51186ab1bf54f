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

public sealed class ConversationMessage
{
    public int Id { get; set; }
    public int ConversationId { get; set; }
    public string SenderUserId { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime SentAtUtc { get; set; }
}

/// <summary>New contacts a sender made on one (Paris) day: a conditional increment in the database caps them across instances.</summary>
public sealed class ContactQuota
{
    public string UserId { get; set; } = "";
    public DateOnly Day { get; set; }
    public int Count { get; set; }
}

/// <summary>The blocker no longer receives anything from the blocked person.</summary>
public sealed class Block
{
    public int Id { get; set; }
    public string BlockerUserId { get; set; } = "";
    public string BlockedUserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

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

/// <summary>One row per member and week: the weekly digest is claimed by inserting it, so it goes out once across instances.</summary>
public sealed class DigestSend
{
    public string UserId { get; set; } = "";
    public DateOnly WeekStart { get; set; }
    public DateTime ClaimedAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
}
