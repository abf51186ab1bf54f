using Microsoft.EntityFrameworkCore;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Community;

/// <summary>
/// A « coup de main » a host asks for: open the space on Saturday morning, welcome newcomers, organise the shared lunch…
/// <see cref="SignedUp"/> counts the volunteers; the database never lets it pass <see cref="PeopleNeeded"/>.
/// </summary>
public sealed class HelpTask
{
    public int Id { get; set; }
    public int SiteId { get; set; }
    public Site? Site { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
    public int PeopleNeeded { get; set; }
    public int SignedUp { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public List<HelpSignup> Signups { get; } = [];

    public int PlacesLeft => Math.Max(0, PeopleNeeded - SignedUp);
}

internal sealed class HelpTaskConfiguration :
    Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<HelpTask>, Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<HelpSignup>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<HelpTask> b)
    {
        b.Property(t => t.Title).HasMaxLength(150);
        b.Property(t => t.Description).HasMaxLength(1000);
        b.Ignore(t => t.PlacesLeft);
        b.HasIndex(t => new { t.SiteId, t.Date });
        b.HasOne(t => t.Site).WithMany().HasForeignKey(t => t.SiteId).OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Cascade);
        b.HasMany(t => t.Signups).WithOne().HasForeignKey(s => s.TaskId).OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Cascade);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("CK_HelpTasks_People", "\"PeopleNeeded\" >= 1");
            t.HasCheckConstraint("CK_HelpTasks_SignedUp", "\"SignedUp\" >= 0 AND \"SignedUp\" <= \"PeopleNeeded\"");
        });
    }

    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<HelpSignup> b)
    {
        b.HasKey(s => new { s.TaskId, s.UserId });
        b.HasIndex(s => s.UserId);
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(Microsoft.EntityFrameworkCore.DeleteBehavior.Cascade);
    }
}
