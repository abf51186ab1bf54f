using Cotravail.Web.Common.PersonalData;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys;

/// <summary>
/// Answers to surveys are anonymous, except those given with an e-mail address (a survey that counts one answer per
/// address): those are the person's. On deletion the address goes and the answers stay counted, anonymous.
/// </summary>
internal sealed class SurveysPersonalData(AppDbContext db) : IPersonalData
{
    public async Task<IReadOnlyList<PersonalDataSet>> ExportAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var responses = await Mine(subject).AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.SurveyId, r.Status, r.SubmittedAtUtc, r.Email }).ToListAsync(ct);
        var ids = responses.Select(r => r.Id).ToList();
        var surveyIds = responses.Select(r => r.SurveyId).Distinct().ToList();
        var titles = await db.Surveys.AsNoTracking().Where(s => surveyIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => ids.Contains(a.ResponseId)).OrderBy(a => a.ResponseId).ThenBy(a => a.Id)
            .Select(a => new AnswerRow(a.ResponseId, a.Question!.Text, a.Option != null ? a.Option.Label : null, a.Number, a.Text))
            .ToListAsync(ct);
        return
        [
            PersonalDataSet.Of("enquetes", "Réponses aux enquêtes", responses.Select(r =>
                new ResponseRow(r.Id, titles.GetValueOrDefault(r.SurveyId, ""), r.Status, r.SubmittedAtUtc, r.Email))),
            PersonalDataSet.Of("enquetes-reponses", "Détail des réponses aux enquêtes", answers),
        ];
    }

    public async Task AnonymiseAsync(PersonalDataSubject subject, CancellationToken ct)
    {
        var ids = await Mine(subject).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            // The confirmed address is unique per survey (one answer per address): each becomes its own anonymous address.
            var anonymous = $"anonyme-{id}@anonyme.invalid";
            await db.SurveyResponses.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Email, (string?)null)
                .SetProperty(r => r.ConfirmationToken, (string?)null)
                .SetProperty(r => r.ConfirmedEmail, r => r.ConfirmedEmail == null ? null : anonymous), ct);
        }
    }

    private IQueryable<SurveyResponse> Mine(PersonalDataSubject subject) =>
        db.SurveyResponses.Where(r => (r.Email != null && r.Email.ToLower() == subject.Email)
            || (r.ConfirmedEmail != null && r.ConfirmedEmail.ToLower() == subject.Email));

    private sealed record ResponseRow(int Id, string Enquete, ResponseStatus Statut, DateTime? EnvoyeeLeUtc, string? Email);

    private sealed record AnswerRow(int ReponseId, string Question, string? Choix, int? Nombre, string? Texte);
}
