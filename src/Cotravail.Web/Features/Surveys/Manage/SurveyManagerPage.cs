using Cotravail.Web.Common.Security;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys.Manage;

/// <summary>
/// Base of the managers' survey pages (<c>/gestion/enquetes/{id}</c>): loads the survey (questions and choices). Only the
/// managers of its network get there: another network's survey has answered 403 and an unknown one 404 before the
/// handler (<see cref="SurveysModule.SurveyManager"/>).
/// </summary>
public abstract class SurveyManagerPage(AppDbContext db) : LocalizedPage
{
    protected AppDbContext Db { get; } = db;

    public Survey Survey { get; private set; } = null!;

    /// <summary>Whether anyone has started answering: the questions are then fixed.</summary>
    public bool HasResponses { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    protected async Task<IActionResult?> LoadSurveyAsync(int id, CancellationToken ct, bool tracked = false)
    {
        var query = Db.Surveys.AsSplitQuery().Include(s => s.Network).Include(s => s.Questions).ThenInclude(q => q.Options);
        var survey = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return NotFound();
        }
        Survey = survey;
        HasResponses = await Db.SurveyResponses.AnyAsync(r => r.SurveyId == id, ct);
        return null;
    }

    protected string LockedMessage => T["Cette enquête a déjà reçu des réponses : ses questions ne peuvent plus changer (les résultats resteraient incohérents)."];
}
