using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Entrepreneurs;

/// <summary>The network's tables, reached through these sets (the feature owns them; others call its services).</summary>
public static class EntrepreneursSets
{
    public static DbSet<Profile> Profiles(this AppDbContext db) => db.Set<Profile>();
    public static DbSet<ProfilePhoto> ProfilePhotos(this AppDbContext db) => db.Set<ProfilePhoto>();
    public static DbSet<Listing> Listings(this AppDbContext db) => db.Set<Listing>();
    public static DbSet<Conversation> Conversations(this AppDbContext db) => db.Set<Conversation>();
    public static DbSet<ConversationMessage> ConversationMessages(this AppDbContext db) => db.Set<ConversationMessage>();
    public static DbSet<ContactQuota> ContactQuotas(this AppDbContext db) => db.Set<ContactQuota>();
    public static DbSet<Block> Blocks(this AppDbContext db) => db.Set<Block>();
    public static DbSet<Report> Reports(this AppDbContext db) => db.Set<Report>();
    public static DbSet<DigestSend> DigestSends(this AppDbContext db) => db.Set<DigestSend>();
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>
{
    public void Configure(EntityTypeBuilder<Profile> b)
    {
        b.ToTable("NetworkProfiles");
        b.Property(x => x.OwnerUserId).HasMaxLength(450);
        b.Property(x => x.Name).HasMaxLength(120);
        b.Property(x => x.Sector).HasMaxLength(1);
        b.Property(x => x.Skills).HasMaxLength(600);
        b.Property(x => x.SkillsKey).HasMaxLength(700);
        b.Property(x => x.Commune).HasMaxLength(100);
        b.Property(x => x.Postcode).HasMaxLength(5);
        b.Property(x => x.Website).HasMaxLength(300);
        b.Property(x => x.Presentation).HasMaxLength(4000);
        b.Property(x => x.Offers).HasMaxLength(1000);
        b.Property(x => x.Seeks).HasMaxLength(1000);
        b.Property(x => x.SearchText).HasMaxLength(SearchText.MaxLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(20);
        b.Ignore(x => x.SkillList);
        b.HasIndex(x => x.OwnerUserId).IsUnique();
        b.HasIndex(x => new { x.Visibility, x.IsSuspended });
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfilePhotoConfiguration : IEntityTypeConfiguration<ProfilePhoto>
{
    public void Configure(EntityTypeBuilder<ProfilePhoto> b)
    {
        b.ToTable("NetworkProfilePhotos");
        b.HasKey(x => x.ProfileId);
        b.Property(x => x.ContentType).HasMaxLength(20);
        b.HasOne<Profile>().WithOne().HasForeignKey<ProfilePhoto>(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ListingConfiguration : IEntityTypeConfiguration<Listing>
{
    public void Configure(EntityTypeBuilder<Listing> b)
    {
        b.ToTable("NetworkListings");
        b.Property(x => x.Title).HasMaxLength(120);
        b.Property(x => x.Body).HasMaxLength(2000);
        b.Property(x => x.Sector).HasMaxLength(1);
        b.Property(x => x.Skills).HasMaxLength(600);
        b.Property(x => x.SkillsKey).HasMaxLength(700);
        b.Property(x => x.SearchText).HasMaxLength(SearchText.MaxLength);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.Kind, x.ExpiresOn });
        b.HasOne(x => x.Profile).WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.ToTable("NetworkConversations");
        b.Property(x => x.StarterUserId).HasMaxLength(450);
        b.Property(x => x.RecipientUserId).HasMaxLength(450);
        b.Property(x => x.Subject).HasMaxLength(160);
        b.HasIndex(x => x.StarterUserId);
        b.HasIndex(x => x.RecipientUserId);
        b.HasMany(x => x.Messages).WithOne().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.StarterUserId).OnDelete(DeleteBehavior.Cascade);
        // Erasing either person's account erases the conversation with it (nothing of theirs stays behind).
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Profile>().WithMany().HasForeignKey(x => x.RecipientProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Listing>().WithMany().HasForeignKey(x => x.ListingId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> b)
    {
        b.ToTable("NetworkMessages");
        b.Property(x => x.SenderUserId).HasMaxLength(450);
        b.Property(x => x.Body).HasMaxLength(4000);
    }
}

internal sealed class ContactQuotaConfiguration : IEntityTypeConfiguration<ContactQuota>
{
    public void Configure(EntityTypeBuilder<ContactQuota> b)
    {
        b.ToTable("NetworkContactQuotas", t => t.HasCheckConstraint("CK_NetworkContactQuotas_Count", "\"Count\" >= 0"));
        b.HasKey(x => new { x.UserId, x.Day });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> b)
    {
        b.ToTable("NetworkBlocks");
        b.Property(x => x.BlockerUserId).HasMaxLength(450);
        b.Property(x => x.BlockedUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.BlockerUserId, x.BlockedUserId }).IsUnique();
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.BlockerUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.BlockedUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("NetworkReports");
        b.Property(x => x.ReporterUserId).HasMaxLength(450);
        b.Property(x => x.HandledByUserId).HasMaxLength(450);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Outcome);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.ReporterUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Profile).WithMany().HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Listing).WithMany().HasForeignKey(x => x.ListingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestSendConfiguration : IEntityTypeConfiguration<DigestSend>
{
    public void Configure(EntityTypeBuilder<DigestSend> b)
    {
        b.ToTable("NetworkDigestSends");
        b.HasKey(x => new { x.UserId, x.WeekStart });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasOne<Accounts.AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
