namespace Cotravail.Web.Features.Sites;

/// <summary>What can be booked at a site: a desk pool, a private office, a meeting room, a phone booth.</summary>
public sealed class Resource
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public ResourceKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Desks in a pool, seats in a room or office. Always at least 1.</summary>
    public int Capacity { get; set; } = 1;
    public bool IsArchived { get; set; }
    public int SortOrder { get; set; }
}
