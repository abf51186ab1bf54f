using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys.Manage;

/// <summary>
/// Base of the managers' survey pages: loads the survey (questions and choices) only when the signed-in manager
/// manages its network. Another network's survey answers 403, an unknown one 404.
/// </summary>
public abstract class SurveyManagerPage(AppDbContext db, StaffScope scope) : LocalizedPage
{
    protected AppDbContext Db { get; } = db;
    protected StaffScope Scope { get; } = scope;

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
        if (!await Scope.ManagesNetworkAsync(User, survey.NetworkId, ct))
        {
            return Forbid();
        }
        Survey = survey;
        HasResponses = await Db.SurveyResponses.AnyAsync(r => r.SurveyId == id, ct);
        return null;
    }

    protected string LockedMessage => T["Cette enquête a déjà reçu des réponses : ses questions ne peuvent plus changer (les résultats resteraient incohérents)."];
}
