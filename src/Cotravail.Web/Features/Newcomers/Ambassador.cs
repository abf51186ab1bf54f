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
