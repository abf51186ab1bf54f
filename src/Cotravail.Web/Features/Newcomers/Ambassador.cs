using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Newcomers;

/// <summary>A member who volunteers to welcome newcomers of their sector or commune. Stopping keeps the row, inactive.</summary>
public sealed class Ambassador
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AppUser? User { get; set; }

    /// <summary>Free text or NAF section codes (« J — information et communication »).</summary>
    public string Sectors { get; set; } = "";
    public string Communes { get; set; } = "";
    public bool IsActive { get; set; }
    public DateTime SinceUtc { get; set; }
    public DateTime? StoppedAtUtc { get; set; }
}

/// <summary>
/// A manager put a newcomer in touch with an ambassador. They write to each other through Cotravail: each receives
/// a notice by e-mail, neither sees the other's address. The newcomer reaches the conversation by a signed link.
/// </summary>
public sealed class Introduction
{
    public int Id { get; set; }
    public int RequestId { get; set; }
    public NewcomerRequest? Request { get; set; }
    public int AmbassadorId { get; set; }
    public Ambassador? Ambassador { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public List<RelayMessage> Messages { get; } = [];
}

public sealed class RelayMessage
{
    public int Id { get; set; }
    public int IntroductionId { get; set; }
    public bool FromNewcomer { get; set; }
    public string Body { get; set; } = "";
    public DateTime AtUtc { get; set; }
}
