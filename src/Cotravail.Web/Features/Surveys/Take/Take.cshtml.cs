using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Security.RateLimiting;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Surveys.Take;

/// <summary>
/// Answering a survey, one page at a time, without JavaScript. The answers given so far live in a draft on the
/// server, found by a random token (hidden field, and a cookie to come back later); the browser only sends the
/// current page. A page with a wrong or missing answer is shown again with the messages and nothing is stored.
/// </summary>
public sealed class TakeModel(AppDbContext db, TimeProvider clock, SurveyMailer mailer, DbRateLimiter limiter) : LocalizedPage
{
    public const string EmailField = "Email";

    public Survey Survey { get; private set; } = null!;
    public SurveyState State { get; private set; }
    public DateOnly Today { get; private set; }
    public int PageNumber { get; private set; }
    public int PageIndex { get; private set; }
    public int PageCount { get; private set; }
    public bool IsFirst { get; private set; }
    public bool IsLast { get; private set; }
    public string? Token { get; private set; }
    public List<SurveyQuestion> Questions { get; private set; } = [];

    /// <summary>Values to show in each question's field: what was posted (after an error) or what is stored.</summary>
    public Dictionary<int, List<string>> Values { get; } = [];

    public string? Email { get; private set; }

    /// <summary>A message for the whole page (a draft not found, an answer already sent).</summary>
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        if (State != SurveyState.Open)
        {
            return Page();
        }
        var draft = Request.Cookies.TryGetValue(SurveyTokens.CookieName(Survey.Id), out var token)
            ? await FindDraftAsync(token, ct) : null;
        var answers = draft is { Status: ResponseStatus.Draft } ? draft.Answers : [];
        var page = draft is { Status: ResponseStatus.Draft }
            ? Math.Min(draft.FurthestPage, Survey.Pages.LastOrDefault())
            : AnswerRules.FirstPage(Survey, answers) ?? 1;
        Show(page, draft is { Status: ResponseStatus.Draft } ? draft.Token : null, answers);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
        {
            return NotFound();
        }
        if (State != SurveyState.Open)
        {
            return Page(); // the page says it is closed or not open yet; nothing is stored
        }
        var form = Request.Form;
        var goingBack = form["aller"] == "precedent";
        var draft = await FindDraftAsync(form["Jeton"].ToString(), ct);
        if (draft is { Status: not ResponseStatus.Draft })
        {
            return Redirect($"/enquetes/{Survey.Slug}/merci");
        }
        var stored = draft?.Answers.ToList() ?? [];
        if (PostedPage(form, draft, stored) is not { } page)
        {
            return Page();
        }

        var shown = AnswerRules.ShownOn(Survey, page, stored);
        var (parsed, merged) = ReadAnswers(form, shown, stored);
        if (!goingBack)
        {
            RequireAnswers(shown, parsed, merged);
        }
        var next = goingBack ? AnswerRules.PreviousPage(Survey, page, merged) : AnswerRules.NextPage(Survey, page, merged);
        var sending = !goingBack && next is null;
        var email = sending && Survey.OnePerEmail ? await ReadEmailAsync(form, ct) : null;
        if (!ModelState.IsValid)
        {
            ShowPosted(page, draft?.Token, stored, shown);
            return Page();
        }
        // The confirmation goes to the address typed here: limited per client address and per address mailed.
        if (sending && Survey.OnePerEmail && await limiter.HitAsync(RateLimitPolicies.AddressMail, HttpContext, email, ct) is { } wait)
        {
            return RateLimitRefusal.Page(HttpContext, wait);
        }

        // Going back from the first page stays on it.
        var (saved, missing) = await SaveAsync(draft, page, shown, parsed, sending ? null : next ?? page, email, ct);
        if (missing is not null)
        {
            ModelState.AddModelError(Field(missing), T["Cette question est obligatoire : donnez une réponse."]);
            Show(missing.Page, saved.Token, saved.Answers);
            return Page();
        }
        return sending ? await SentAsync(saved, ct) : ShowNext(saved, next ?? page);
    }

    /// <summary>The page posted, when the person may be on it; otherwise the page where they were, with a word.</summary>
    private int? PostedPage(IFormCollection form, SurveyResponse? draft, List<SurveyAnswer> stored)
    {
        var furthest = draft?.FurthestPage ?? AnswerRules.FirstPage(Survey, stored) ?? 1;
        if (int.TryParse(form["Page"], out var page) && page <= furthest && AnswerRules.ShownOn(Survey, page, stored).Count > 0)
        {
            return page;
        }
        Problem = T["Reprenons à la page où vous en étiez."];
        Show(Math.Min(furthest, Survey.Pages.LastOrDefault()), draft?.Token, stored);
        return null;
    }

    /// <summary>
    /// The answers of the page's questions (a message per wrong one), without those the page's own answers make
    /// irrelevant; and with the other pages' stored answers, what the person has said so far.
    /// </summary>
    private (List<SurveyAnswer> Parsed, List<SurveyAnswer> Merged) ReadAnswers(IFormCollection form, List<SurveyQuestion> shown, List<SurveyAnswer> stored)
    {
        var parsed = new List<SurveyAnswer>();
        foreach (var q in shown)
        {
            if (AnswerRules.Parse(q, form[Field(q)].ToArray(), parsed, HttpContext.RequestServices) is { } error)
            {
                ModelState.AddModelError(Field(q), error);
            }
        }
        var others = stored.Where(a => shown.All(q => q.Id != a.QuestionId)).ToList();
        var merged = others.Concat(parsed).ToList();
        parsed.RemoveAll(a => !AnswerRules.Applies(Survey, shown.First(q => q.Id == a.QuestionId), merged));
        return (parsed, [.. others.Concat(parsed)]);
    }

    /// <summary>A message on each required question of the page that applies and has no answer (nor a message already).</summary>
    private void RequireAnswers(List<SurveyQuestion> shown, List<SurveyAnswer> parsed, List<SurveyAnswer> merged)
    {
        foreach (var q in shown.Where(q => q.Required && AnswerRules.Applies(Survey, q, merged) && parsed.All(a => a.QuestionId != q.Id)))
        {
            if (ModelState.GetFieldValidationState(Field(q)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
            {
                ModelState.AddModelError(Field(q), T["Cette question est obligatoire : donnez une réponse."]);
            }
        }
    }

    /// <summary>The address a one-answer-per-person survey confirms to: given, valid, and not used for this survey yet.</summary>
    private async Task<string> ReadEmailAsync(IFormCollection form, CancellationToken ct)
    {
        var email = form[EmailField].ToString().Trim();
        Email = email;
        if (email.Length == 0)
        {
            ModelState.AddModelError(EmailField, T["Indiquez votre adresse e-mail : elle sert à confirmer votre réponse."]);
        }
        else if (email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            ModelState.AddModelError(EmailField, T["L'adresse e-mail n'est pas valide."]);
        }
        else if (await db.SurveyResponses.AnyAsync(r => r.SurveyId == Survey.Id && r.ConfirmedEmail == email.ToUpperInvariant(), ct))
        {
            ModelState.AddModelError(EmailField, T["Une réponse a déjà été enregistrée avec cette adresse e-mail : une seule réponse par personne."]);
        }
        return email;
    }

    /// <summary>
    /// Stores the page's answers in the draft (created on the first page), then moves it on to <paramref name="next"/>,
    /// or, without one (the last page was posted), sends it: unless a required question elsewhere is still unanswered, returned then.
    /// </summary>
    private async Task<(SurveyResponse Draft, SurveyQuestion? Missing)> SaveAsync(SurveyResponse? draft, int page, List<SurveyQuestion> shown,
        List<SurveyAnswer> parsed, int? next, string? email, CancellationToken ct)
    {
        using (await WriteGate.EnterAsync(db, ct))
        {
            if (draft is null)
            {
                draft = new SurveyResponse
                {
                    SurveyId = Survey.Id, Token = SurveyTokens.New(), Status = ResponseStatus.Draft,
                    StartedAtUtc = clock.GetUtcNow().UtcDateTime, FurthestPage = page,
                };
                db.SurveyResponses.Add(draft);
            }
            foreach (var old in draft.Answers.Where(a => shown.Any(q => q.Id == a.QuestionId)).ToList())
            {
                draft.Answers.Remove(old);
                db.SurveyAnswers.Remove(old);
            }
            draft.Answers.AddRange(parsed);
            var missing = next is null ? Submit(draft, page, email) : null;
            if (next is { } nextPage)
            {
                draft.FurthestPage = Math.Max(draft.FurthestPage, nextPage);
            }
            await db.SaveChangesAsync(ct);
            return (draft, missing);
        }
    }

    /// <summary>
    /// The draft becomes an answer (awaiting its e-mail confirmation when the survey wants one), without the answers that
    /// no longer apply; or, with a required question still unanswered, stays a draft and that question is returned.
    /// </summary>
    private SurveyQuestion? Submit(SurveyResponse draft, int page, string? email)
    {
        if (AnswerRules.FirstMissing(Survey, draft.Answers) is { } missing)
        {
            draft.FurthestPage = Math.Max(draft.FurthestPage, page);
            return missing;
        }
        foreach (var gone in AnswerRules.NotApplying(Survey, draft.Answers))
        {
            draft.Answers.Remove(gone);
            if (gone.Id != 0)
            {
                db.SurveyAnswers.Remove(gone);
            }
        }
        draft.SubmittedAtUtc = clock.GetUtcNow().UtcDateTime;
        if (Survey.OnePerEmail)
        {
            draft.Status = ResponseStatus.AwaitingConfirmation;
            draft.Email = email;
            draft.ConfirmationToken = SurveyTokens.New();
        }
        else
        {
            draft.Status = ResponseStatus.Complete;
        }
        return null;
    }

    /// <summary>After sending: the draft's cookie goes, the confirmation is mailed if needed, and the thanks page says which.</summary>
    private async Task<IActionResult> SentAsync(SurveyResponse sent, CancellationToken ct)
    {
        Response.Cookies.Delete(SurveyTokens.CookieName(Survey.Id), new CookieOptions { Path = "/enquetes" });
        if (Survey.OnePerEmail)
        {
            await mailer.SendConfirmationAsync(Request, Survey, sent, ct);
            return Redirect($"/enquetes/{Survey.Slug}/merci?confirmer=1");
        }
        return Redirect($"/enquetes/{Survey.Slug}/merci");
    }

    /// <summary>The next (or previous) page, with the draft's token kept in a cookie to come back later.</summary>
    private IActionResult ShowNext(SurveyResponse draft, int next)
    {
        Response.Cookies.Append(SurveyTokens.CookieName(Survey.Id), draft.Token, new CookieOptions
        {
            Path = "/enquetes", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
            Secure = Request.IsHttps, Expires = clock.GetUtcNow().AddDays(30),
        });
        ModelState.Clear();
        Show(next, draft.Token, draft.Answers);
        return Page();
    }

    public static string Field(SurveyQuestion q) => $"q{q.Id}";

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().AsSplitQuery().Include(s => s.Questions).ThenInclude(q => q.Options)
            .FirstOrDefaultAsync(s => s.Slug == slug && s.IsPublished, ct);
        if (survey is null)
        {
            return false;
        }
        Survey = survey;
        Today = Survey.Today(clock);
        State = survey.StateOn(Today);
        return true;
    }

    private async Task<SurveyResponse?> FindDraftAsync(string? token, CancellationToken ct) =>
        string.IsNullOrEmpty(token) || token.Length > 64
            ? null
            : await db.SurveyResponses.Include(r => r.Answers).FirstOrDefaultAsync(r => r.SurveyId == Survey.Id && r.Token == token, ct);

    private void Show(int page, string? token, IReadOnlyCollection<SurveyAnswer> answers)
    {
        SetPage(page, token, answers);
        foreach (var q in Questions)
        {
            Values[q.Id] = [.. answers.Where(a => a.QuestionId == q.Id).Select(a => a.OptionId?.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ?? a.Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? a.Text ?? "")];
        }
    }

    private void ShowPosted(int page, string? token, IReadOnlyCollection<SurveyAnswer> stored, List<SurveyQuestion> shown)
    {
        SetPage(page, token, stored);
        Questions = shown;
        foreach (var q in shown)
        {
            Values[q.Id] = [.. Request.Form[Field(q)].Select(v => v ?? "")];
        }
    }

    private void SetPage(int page, string? token, IReadOnlyCollection<SurveyAnswer> answers)
    {
        PageNumber = page;
        Token = token;
        Questions = AnswerRules.ShownOn(Survey, page, answers);
        var pages = Survey.Pages.Where(p => AnswerRules.ShownOn(Survey, p, answers).Count > 0).ToList();
        PageIndex = pages.IndexOf(page) + 1;
        PageCount = pages.Count;
        IsFirst = AnswerRules.PreviousPage(Survey, page, answers) is null;
        IsLast = AnswerRules.NextPage(Survey, page, answers) is null;
    }
}
