namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>The blocker no longer receives anything from the blocked person.</summary>
public sealed class Block
{
    public int Id { get; set; }
    public string BlockerUserId { get; set; } = "";
    public string BlockedUserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}
