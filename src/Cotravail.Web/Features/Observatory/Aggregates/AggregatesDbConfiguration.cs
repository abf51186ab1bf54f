using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Observatory.Aggregates;

/// <summary>
/// Counters the database keeps up to date itself (triggers, see AggregateSql): the observatory reads a few thousand of
/// these rows instead of millions of visits. Month is the first day of the month.
/// </summary>
internal sealed class AggregatesDbConfiguration :
    IEntityTypeConfiguration<VisitorMonth>, IEntityTypeConfiguration<SiteMonthCount>, IEntityTypeConfiguration<OriginMonth>,
    IEntityTypeConfiguration<DeskMonth>, IEntityTypeConfiguration<RevenueMonth>, IEntityTypeConfiguration<AggregateState>
{
    public void Configure(EntityTypeBuilder<VisitorMonth> b)
    {
        b.ToTable("ObservatoryVisitorMonths");
        b.HasKey(x => new { x.SiteId, x.Month, x.VisitorId });
    }

    public void Configure(EntityTypeBuilder<SiteMonthCount> b)
    {
        b.ToTable("ObservatorySiteMonths");
        b.HasKey(x => new { x.SiteId, x.Month });
    }

    public void Configure(EntityTypeBuilder<OriginMonth> b)
    {
        b.ToTable("ObservatoryOrigins");
        b.Property(x => x.Postcode).HasMaxLength(10);
        b.Property(x => x.Insee).HasMaxLength(5);
        b.HasKey(x => new { x.SiteId, x.Month, x.Postcode, x.Insee });
    }

    public void Configure(EntityTypeBuilder<DeskMonth> b)
    {
        b.ToTable("ObservatoryDeskMonths");
        b.HasKey(x => new { x.ResourceId, x.Month });
    }

    public void Configure(EntityTypeBuilder<RevenueMonth> b)
    {
        b.ToTable("ObservatoryRevenue");
        b.Property(x => x.Product).HasMaxLength(300);
        b.HasKey(x => new { x.NetworkId, x.Month, x.Product });
    }

    public void Configure(EntityTypeBuilder<AggregateState> b)
    {
        b.ToTable("ObservatoryState");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

/// <summary>
/// Indexes the observatory needs on other features' tables: « is there anything dated after the end of the period in
/// its last month? » must be answered without reading the table.
/// </summary>
internal sealed class ObservatoryIndexes : IEntityTypeConfiguration<Visit>, IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Visit> b) => b.HasIndex(x => x.Date).HasDatabaseName("IX_Visits_Date");

    public void Configure(EntityTypeBuilder<Invoice> b) => b.HasIndex(x => x.IssueDate).HasDatabaseName("IX_Invoices_IssueDate");
}
