using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Web.Features.Surveys;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.Title).HasMaxLength(200);
        b.Property(s => s.Description).HasMaxLength(4000);
        b.Property(s => s.Slug).HasMaxLength(80);
        b.HasIndex(s => s.Slug).IsUnique();
        b.HasIndex(s => s.NetworkId);
        b.Ignore(s => s.Ordered);
        b.Ignore(s => s.Pages);
        b.HasOne(s => s.Network).WithMany().HasForeignKey(s => s.NetworkId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.Property(q => q.Text).HasMaxLength(500);
        b.Property(q => q.Hint).HasMaxLength(500);
        b.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        b.Ignore(q => q.HasOptions);
        b.Ignore(q => q.OrderedOptions);
        b.HasIndex(q => new { q.SurveyId, q.Page, q.Position });
        b.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public void Configure(EntityTypeBuilder<QuestionOption> b)
    {
        b.Property(o => o.Label).HasMaxLength(200);
        b.HasIndex(o => new { o.QuestionId, o.Position });
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.Property(r => r.Token).HasMaxLength(64);
        b.HasIndex(r => r.Token).IsUnique();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Email).HasMaxLength(256);
        b.Property(r => r.ConfirmedEmail).HasMaxLength(256);
        b.Property(r => r.ConfirmationToken).HasMaxLength(64);
        b.HasIndex(r => r.ConfirmationToken).IsUnique();
        b.HasIndex(r => new { r.SurveyId, r.ConfirmedEmail }).IsUnique();
        b.HasIndex(r => new { r.SurveyId, r.Status });
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.Property(a => a.Text).HasMaxLength(4000);
        b.HasIndex(a => new { a.ResponseId, a.QuestionId });
        b.HasIndex(a => a.QuestionId);
        b.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Option).WithMany().HasForeignKey(a => a.OptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
