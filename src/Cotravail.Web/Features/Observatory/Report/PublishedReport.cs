using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Observatory.Report;

/// <summary>
/// The public version of a period's « rapport d'activité », made once and kept as it was published (its figures do not
/// move when later data arrive). Shown on the public observatory until a manager withdraws it.
/// </summary>
public sealed class PublishedReport
{
    public int Id { get; set; }
    public int NetworkId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }

    /// <summary>The site the report is about; null for the whole network (the only reports published today).</summary>
    public int? SiteId { get; set; }

    /// <summary>The PDF as published.</summary>
    public byte[] Content { get; set; } = [];
    public DateTime PublishedAtUtc { get; set; }
    public string? PublishedById { get; set; }
    public DateTime? WithdrawnAtUtc { get; set; }
    public string? WithdrawnById { get; set; }

    public bool IsPublished => WithdrawnAtUtc is null;

    /// <summary>Where the public reads it.</summary>
    public static string Url(int id) => $"/observatoire/rapports/{id}.pdf";
}

public static class PublishedReportsDb
{
    public static DbSet<PublishedReport> PublishedReports(this AppDbContext db) => db.Set<PublishedReport>();
}

internal sealed class PublishedReportConfiguration : IEntityTypeConfiguration<PublishedReport>
{
    public void Configure(EntityTypeBuilder<PublishedReport> b)
    {
        b.HasIndex(r => new { r.NetworkId, r.To });
        b.HasOne<Network>().WithMany().HasForeignKey(r => r.NetworkId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.PublishedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AppUser>().WithMany().HasForeignKey(r => r.WithdrawnById).OnDelete(DeleteBehavior.SetNull);
    }
}
