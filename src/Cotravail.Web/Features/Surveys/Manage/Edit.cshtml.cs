using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys.Manage;

/// <summary>
/// A survey's page for its manager: settings (title, link, dates, one answer per address, public results),
/// publishing, and the questions by page with their order.
/// </summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock) : SurveyManagerPage(db)
{
    [BindProperty]
    public SurveyInput Input { get; set; } = new();

    public SurveyState State { get; private set; }
    public int Answers { get; private set; }

    /// <summary>Why the survey could not be published, for the whole page.</summary>
    public List<string> PublishProblems { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied)
        {
            return denied;
        }
        Input = SurveyInput.From(Survey);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } denied)
        {
            return denied;
        }
        Input.Slug = Input.Slug?.Trim().ToLowerInvariant();
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        if (ModelState.IsValid && await Db.Surveys.AnyAsync(s => s.Slug == Input.Slug && s.Id != id, ct))
        {
            ModelState.AddModelError("Input.Slug", T["Ce lien est déjà pris par une autre enquête."]);
        }
        if (ModelState.IsValid && Survey.IsPublished && (Input.OpensOn is null || Input.ClosesOn is null))
        {
            ModelState.AddModelError("Input.ClosesOn", T["Une enquête publiée garde ses deux dates : indiquez le premier et le dernier jour pour répondre."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Input.ApplyTo(Survey);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            ModelState.AddModelError("Input.Slug", T["Ce lien est déjà pris par une autre enquête."]);
            return Page();
        }
        Notice = T["Les réglages de l'enquête sont enregistrés."];
        return Redirect($"/gestion/enquetes/{id}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } denied)
        {
            return denied;
        }
        Input = SurveyInput.From(Survey);
        if (Survey.Questions.Count == 0)
        {
            PublishProblems.Add(T["Ajoutez au moins une question avant de publier."]);
        }
        if (Survey.OpensOn is null || Survey.ClosesOn is null)
        {
            PublishProblems.Add(T["Indiquez le premier et le dernier jour pour répondre avant de publier."]);
        }
        if (PublishProblems.Count > 0)
        {
            return Page();
        }
        Survey.IsPublished = true;
        await Db.SaveChangesAsync(ct);
        Notice = T["L'enquête est publiée : elle répond à l'adresse /enquetes/{0} pendant sa période de réponse.", Survey.Slug];
        return Redirect($"/gestion/enquetes/{id}");
    }

    public async Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } denied)
        {
            return denied;
        }
        Survey.IsPublished = false;
        await Db.SaveChangesAsync(ct);
        Notice = T["L'enquête est retirée : son lien public ne répond plus. Les réponses reçues sont gardées."];
        return Redirect($"/gestion/enquetes/{id}");
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int questionId, string? direction, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } denied)
        {
            return denied;
        }
        if (HasResponses)
        {
            Notice = LockedMessage;
            return Redirect($"/gestion/enquetes/{id}");
        }
        var q = Survey.Questions.FirstOrDefault(x => x.Id == questionId);
        if (q is null)
        {
            return NotFound();
        }
        var page = Survey.Ordered.Where(x => x.Page == q.Page).ToList();
        var i = page.IndexOf(q);
        var j = direction == "haut" ? i - 1 : i + 1;
        if (j >= 0 && j < page.Count)
        {
            (page[i], page[j]) = (page[j], page[i]);
            for (var k = 0; k < page.Count; k++)
            {
                page[k].Position = k + 1;
            }
            await Db.SaveChangesAsync(ct);
        }
        return Redirect($"/gestion/enquetes/{id}#question-{questionId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int questionId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct, tracked: true) is { } denied)
        {
            return denied;
        }
        if (HasResponses)
        {
            Notice = LockedMessage;
            return Redirect($"/gestion/enquetes/{id}");
        }
        var q = Survey.Questions.FirstOrDefault(x => x.Id == questionId);
        if (q is null)
        {
            return NotFound();
        }
        if (Survey.Questions.FirstOrDefault(x => x.ShowIfQuestionId == q.Id) is { } dependent)
        {
            Notice = T["La question « {0} » dépend de celle-ci : changez d'abord sa condition.", dependent.Text];
            return Redirect($"/gestion/enquetes/{id}");
        }
        Survey.Questions.Remove(q);
        Db.SurveyQuestions.Remove(q);
        await Db.SaveChangesAsync(ct);
        Notice = T["La question « {0} » est supprimée.", q.Text];
        return Redirect($"/gestion/enquetes/{id}");
    }

    public string ConditionText(SurveyQuestion q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var parent = Survey.Questions.FirstOrDefault(x => x.Id == q.ShowIfQuestionId);
        var option = parent?.Options.FirstOrDefault(o => o.Id == q.ShowIfOptionId);
        return parent is null || option is null ? "" : T["Affichée seulement si « {0} » a pour réponse « {1} ».", parent.Text, option.Label];
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct, bool tracked = false)
    {
        if (await LoadSurveyAsync(id, ct, tracked) is { } denied)
        {
            return denied;
        }
        State = Survey.StateOn(Survey.Today(clock));
        Answers = await Db.SurveyResponses.CountAsync(r => r.SurveyId == id && r.Status == ResponseStatus.Complete, ct);
        return null;
    }
}
