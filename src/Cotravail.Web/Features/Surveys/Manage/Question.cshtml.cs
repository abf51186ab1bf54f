using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Surveys.Manage;

/// <summary>
/// Adding or changing one question: its kind, text, page, whether it is required, its choices or bounds, and an
/// optional condition (shown only when an earlier single-choice question has a given answer).
/// </summary>
public sealed class QuestionModel(AppDbContext db) : SurveyManagerPage(db)
{
    [BindProperty]
    public QuestionInput Input { get; set; } = new();

    public SurveyQuestion? Question { get; private set; }

    /// <summary>Single-choice questions a condition may point to (not this one).</summary>
    public IEnumerable<SurveyQuestion> ConditionCandidates =>
        Survey.Ordered.Where(q => q.Kind == QuestionKind.SingleChoice && q.Id != Question?.Id);

    public async Task<IActionResult> OnGetAsync(int id, int? questionId, CancellationToken ct)
    {
        if (await LoadAsync(id, questionId, ct) is { } denied)
        {
            return denied;
        }
        if (HasResponses)
        {
            Notice = LockedMessage;
            return Redirect($"/gestion/enquetes/{id}");
        }
        Input = Question is null
            ? new QuestionInput { Page = Survey.Questions.Count == 0 ? 1 : Survey.Questions.Max(q => q.Page), Kind = nameof(QuestionKind.SingleChoice) }
            : QuestionInput.From(Question);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? questionId, CancellationToken ct)
    {
        if (await LoadAsync(id, questionId, ct, tracked: true) is { } denied)
        {
            return denied;
        }
        if (HasResponses)
        {
            Notice = LockedMessage;
            return Redirect($"/gestion/enquetes/{id}");
        }
        ModelState.AddObjectRules(Input, nameof(Input), HttpContext.RequestServices);
        var kind = Input.ParsedKind;
        var condition = CheckCondition();
        var lines = Input.ChoiceLines;
        if (Question is not null)
        {
            CheckDependents(Question, kind, lines.Count);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var q = Question ?? AddQuestion();
        Apply(q, kind!.Value, condition);
        SetOptions(q, q.HasOptions ? lines : []);
        await Db.SaveChangesAsync(ct);
        Notice = Question is null ? T["La question « {0} » est ajoutée.", q.Text] : T["La question « {0} » est enregistrée.", q.Text];
        return Redirect($"/gestion/enquetes/{Survey.Id}#question-{q.Id}");
    }

    /// <summary>
    /// The questions shown on a condition about <paramref name="question"/> must still find it: it stays single-choice,
    /// on their page or before, and keeps the choices they name (<paramref name="choices"/> is how many are left).
    /// </summary>
    private void CheckDependents(SurveyQuestion question, QuestionKind? kind, int choices)
    {
        if (kind is { } k && k != QuestionKind.SingleChoice
            && Survey.Questions.FirstOrDefault(x => x.ShowIfQuestionId == question.Id) is { } dependent)
        {
            ModelState.AddModelError("Input.Kind", T["La question « {0} » dépend de celle-ci : elle doit rester à choix unique.", dependent.Text]);
        }
        if (Survey.Questions.FirstOrDefault(x => x.ShowIfQuestionId == question.Id && x.Page < Input.Page) is { } before)
        {
            ModelState.AddModelError("Input.Page", T["La question « {0} », page {1}, dépend de celle-ci : placez celle-ci sur la même page ou avant.", before.Text, before.Page]);
        }
        if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
        {
            var removed = question.OrderedOptions.Skip(choices).Select(o => o.Id).ToHashSet();
            if (Survey.Questions.FirstOrDefault(x => x.ShowIfOptionId is { } o && removed.Contains(o)) is { } user)
            {
                ModelState.AddModelError("Input.Choices", T["Un choix retiré sert de condition à la question « {0} » : changez d'abord sa condition.", user.Text]);
            }
        }
    }

    private SurveyQuestion AddQuestion()
    {
        var q = new SurveyQuestion { SurveyId = Survey.Id };
        Survey.Questions.Add(q);
        return q;
    }

    /// <summary>The form's values on the question; a new question, or one moved to another page, goes last on its page.</summary>
    private void Apply(SurveyQuestion q, QuestionKind kind, (int QuestionId, int OptionId)? condition)
    {
        if (q.Id == 0 || q.Page != Input.Page)
        {
            q.Position = Survey.Questions.Where(x => x.Page == Input.Page && x != q).Select(x => x.Position).DefaultIfEmpty(0).Max() + 1;
        }
        q.Text = Input.Text!.Trim();
        q.Hint = string.IsNullOrWhiteSpace(Input.Hint) ? null : Input.Hint.Trim();
        q.Kind = kind;
        q.Page = Input.Page;
        q.Required = Input.Required;
        q.Min = q.Kind == QuestionKind.Number ? Input.Min : null;
        q.Max = q.Kind == QuestionKind.Number ? Input.Max : null;
        q.ShowIfQuestionId = condition?.QuestionId;
        q.ShowIfOptionId = condition?.OptionId;
    }

    /// <summary>The choices in the order of <paramref name="lines"/>: existing ones relabelled in place (their ids kept), then added or removed.</summary>
    private void SetOptions(SurveyQuestion q, List<string> lines)
    {
        var options = q.OrderedOptions.ToList();
        for (var i = 0; i < Math.Max(lines.Count, options.Count); i++)
        {
            if (i < lines.Count && i < options.Count)
            {
                options[i].Label = lines[i];
                options[i].Position = i + 1;
            }
            else if (i < lines.Count)
            {
                q.Options.Add(new QuestionOption { Label = lines[i], Position = i + 1 });
            }
            else
            {
                q.Options.Remove(options[i]);
                Db.QuestionOptions.Remove(options[i]);
            }
        }
    }

    /// <summary>Checks the chosen condition against the survey; adds the field's message when it cannot hold.</summary>
    private (int QuestionId, int OptionId)? CheckCondition()
    {
        if (string.IsNullOrEmpty(Input.Condition))
        {
            return null;
        }
        var c = Input.ParsedCondition();
        var parent = c is null ? null : ConditionCandidates.FirstOrDefault(x => x.Id == c.Value.QuestionId);
        if (parent is null || parent.Options.All(o => o.Id != c!.Value.OptionId))
        {
            ModelState.AddModelError("Input.Condition", T["Choisissez la condition dans la liste : une réponse d'une question à choix unique."]);
            return null;
        }
        if (parent.Page > Input.Page)
        {
            ModelState.AddModelError("Input.Condition", T["La question « {0} » est posée page {1} : une condition ne peut porter que sur une question de la même page ou d'une page précédente.", parent.Text, parent.Page]);
            return null;
        }
        for (var p = parent; p?.ShowIfQuestionId is { } up; p = Survey.Questions.FirstOrDefault(x => x.Id == up))
        {
            if (Question is not null && up == Question.Id)
            {
                ModelState.AddModelError("Input.Condition", T["Cette condition tournerait en rond : la question « {0} » dépend déjà de celle-ci.", parent.Text]);
                return null;
            }
        }
        return c;
    }

    private async Task<IActionResult?> LoadAsync(int id, int? questionId, CancellationToken ct, bool tracked = false)
    {
        if (await LoadSurveyAsync(id, ct, tracked) is { } denied)
        {
            return denied;
        }
        if (questionId is { } qid)
        {
            Question = Survey.Questions.FirstOrDefault(q => q.Id == qid);
            if (Question is null)
            {
                return NotFound();
            }
        }
        return null;
    }
}
