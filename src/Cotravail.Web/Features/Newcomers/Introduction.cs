using Cotravail.Web.Features.Accounts;

namespace Cotravail.Web.Features.Newcomers;

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
