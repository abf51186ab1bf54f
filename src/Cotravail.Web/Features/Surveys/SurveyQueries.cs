using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys;

/// <summary>Reading surveys and their counted answers from the database.</summary>
public sealed class SurveyQueries(AppDbContext db, TimeProvider clock)
{
    public Task<Survey?> LoadAsync(int id, CancellationToken ct) =>
        db.Surveys.AsNoTracking().AsSplitQuery().Include(s => s.Questions).ThenInclude(q => q.Options).FirstOrDefaultAsync(s => s.Id == id, ct);

    public Task<Survey?> LoadPublishedAsync(string slug, CancellationToken ct) =>
        db.Surveys.AsNoTracking().AsSplitQuery().Include(s => s.Questions).ThenInclude(q => q.Options)
            .FirstOrDefaultAsync(s => s.Slug == slug && s.IsPublished, ct);

    public async Task<SurveyResults> ResultsAsync(Survey survey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var counted = db.SurveyResponses.Where(r => r.SurveyId == survey.Id && r.Status == ResponseStatus.Complete);
        var responses = await counted.CountAsync(ct);
        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => counted.Any(r => r.Id == a.ResponseId))
            .Select(a => new AnswerRow(a.ResponseId, a.QuestionId, a.OptionId, a.Number, a.Text))
            .ToListAsync(ct);
        return SurveyResults.Compute(survey, responses, answers);
    }

    /// <summary>Published surveys open today, newest first.</summary>
    public async Task<List<Survey>> OpenAsync(CancellationToken ct)
    {
        var today = Survey.Today(clock);
        return await db.Surveys.AsNoTracking()
            .Where(s => s.IsPublished && (s.OpensOn == null || s.OpensOn <= today) && (s.ClosesOn == null || s.ClosesOn >= today))
            .OrderByDescending(s => s.OpensOn).ThenBy(s => s.Title)
            .ToListAsync(ct);
    }
}
