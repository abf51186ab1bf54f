using System.Globalization;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys.Manage;

/// <summary>The results of a survey for its manager: every question, free texts, a cross-tabulation, the CSV of raw answers.</summary>
public sealed class ResultsModel(AppDbContext db, SurveyQueries queries) : SurveyManagerPage(db)
{
    public ResultsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? croiser, CancellationToken ct)
    {
        if (await LoadSurveyAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var results = await queries.ResultsAsync(Survey, ct);
        var by = int.TryParse(croiser, NumberStyles.None, CultureInfo.InvariantCulture, out var byId)
            ? results.CrossCandidates.FirstOrDefault(q => q.Id == byId) : null;
        View = new ResultsView(results, ShowFreeTexts: true, by, by is null ? [] : results.CrossBy(by, T["Autres codes postaux"]));
        return Page();
    }

    /// <summary>One line per counted answer, one column per question (several choices joined by « | »), separated by « ; ».</summary>
    public async Task<IActionResult> OnGetCsvAsync(int id, CancellationToken ct)
    {
        if (await LoadSurveyAsync(id, ct) is { } denied)
        {
            return denied;
        }
        var questions = Survey.Ordered.ToList();
        var labels = questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => o.Label);
        var responses = await Db.SurveyResponses.AsNoTracking()
            .Where(r => r.SurveyId == id && r.Status == ResponseStatus.Complete)
            .OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.SubmittedAtUtc, Answers = r.Answers.Select(a => new { a.QuestionId, a.OptionId, a.Number, a.Text }).ToList() })
            .ToListAsync(ct);
        // Separated by « ; » and with a byte order mark, as spreadsheets set to French open it; a free answer that looks
        // like a formula is written as text.
        var options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        await using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord([T["Réponse"], T["Date"], .. questions.Select(q => q.Text)]);
            var n = 0;
            foreach (var r in responses)
            {
                var fields = new List<string> { (++n).ToString(CultureInfo.InvariantCulture), r.SubmittedAtUtc?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "" };
                foreach (var q in questions)
                {
                    fields.Add(string.Join(" | ", r.Answers.Where(a => a.QuestionId == q.Id)
                        .Select(a => a.OptionId is { } o ? labels.GetValueOrDefault(o, "") : a.Number?.ToString(CultureInfo.InvariantCulture) ?? a.Text ?? "")));
                }
                csv.WriteRecord([.. fields]);
            }
            await csv.FlushAsync(ct);
        }
        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"{Survey.Slug}-reponses.csv");
    }
}
