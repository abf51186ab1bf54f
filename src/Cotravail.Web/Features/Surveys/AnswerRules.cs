using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Surveys;

/// <summary>
/// The rules of answering, without I/O: reading what a person typed or ticked for a question, which questions apply
/// (conditional display), which page comes next, what is still missing before sending.
/// </summary>
public static class AnswerRules
{
    public const int ShortTextMax = 200;
    public const int LongTextMax = 4000;

    /// <summary>
    /// Reads the raw values posted for <paramref name="q"/> into answers (none when left blank).
    /// Returns the French message of a wrong value, or null. Being blank is not checked here (see <see cref="Applies"/>).
    /// </summary>
    public static string? Parse(SurveyQuestion q, IReadOnlyList<string?> raw, List<SurveyAnswer> into, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(into);
        var values = raw.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count == 0)
        {
            return null;
        }
        switch (q.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                if (q.Kind == QuestionKind.SingleChoice && values.Count > 1)
                {
                    return Texts.Get(services, "Choisissez une seule réponse.");
                }
                foreach (var v in values)
                {
                    var option = int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                        ? q.Options.FirstOrDefault(o => o.Id == id) : null;
                    if (option is null)
                    {
                        return Texts.Get(services, "Cette réponse ne fait pas partie des choix proposés.");
                    }
                    into.Add(new SurveyAnswer { QuestionId = q.Id, OptionId = option.Id });
                }
                return null;
            case QuestionKind.Scale:
                if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var note)
                    || note is < SurveyQuestion.ScaleMin or > SurveyQuestion.ScaleMax)
                {
                    return Texts.Get(services, "Choisissez une note de 1 à 5.");
                }
                into.Add(new SurveyAnswer { QuestionId = q.Id, Number = note });
                return null;
            case QuestionKind.Number:
                if (values.Count > 1 || !int.TryParse(values[0].Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal),
                        NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return Texts.Get(services, "Indiquez un nombre entier, en chiffres.");
                }
                if ((q.Min is { } min && number < min) || (q.Max is { } max && number > max))
                {
                    return q switch
                    {
                        { Min: { } a, Max: { } b } => Texts.Get(services, "Indiquez un nombre entre {0} et {1}.", a, b),
                        { Min: { } a } => Texts.Get(services, "Indiquez un nombre supérieur ou égal à {0}.", a),
                        _ => Texts.Get(services, "Indiquez un nombre inférieur ou égal à {0}.", q.Max!.Value),
                    };
                }
                into.Add(new SurveyAnswer { QuestionId = q.Id, Number = number });
                return null;
            case QuestionKind.Postcode:
                if (values.Count > 1 || !Communes.IsPostcode(values[0].Replace(" ", "", StringComparison.Ordinal)))
                {
                    return Texts.Get(services, "Le code postal doit comporter 5 chiffres.");
                }
                into.Add(new SurveyAnswer { QuestionId = q.Id, Text = values[0].Replace(" ", "", StringComparison.Ordinal) });
                return null;
            default:
                var text = string.Join("\n", values).Replace("\r", "", StringComparison.Ordinal);
                var limit = q.Kind == QuestionKind.LongText ? LongTextMax : ShortTextMax;
                if (text.Length > limit)
                {
                    return Texts.Get(services, "Votre réponse fait au plus {0} caractères.", limit);
                }
                into.Add(new SurveyAnswer { QuestionId = q.Id, Text = text });
                return null;
        }
    }

    /// <summary>
    /// Whether the question applies given the answers so far: it has no condition, or its condition question
    /// applies and was answered with the expected option. A condition that loops never applies.
    /// </summary>
    public static bool Applies(Survey survey, SurveyQuestion q, IReadOnlyCollection<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(answers);
        var seen = new HashSet<int>();
        var current = q;
        while (current?.ShowIfQuestionId is { } parentId)
        {
            if (!seen.Add(current.Id) || !answers.Any(a => a.QuestionId == parentId && a.OptionId == current.ShowIfOptionId))
            {
                return false;
            }
            current = survey.Questions.FirstOrDefault(x => x.Id == parentId);
        }
        return current is not null;
    }

    /// <summary>
    /// The questions shown on a page: those that apply, plus those whose condition is asked on the same page
    /// (without JavaScript the page cannot hide them; they say when to answer).
    /// </summary>
    public static List<SurveyQuestion> ShownOn(Survey survey, int page, IReadOnlyCollection<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return [.. survey.Ordered.Where(q => q.Page == page && (Applies(survey, q, answers) || ConditionOnSamePage(survey, q)))];
    }

    public static bool ConditionOnSamePage(Survey survey, SurveyQuestion q)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(q);
        return q.ShowIfQuestionId is { } parent && survey.Questions.Any(x => x.Id == parent && x.Page == q.Page);
    }

    public static int? FirstPage(Survey survey, IReadOnlyCollection<SurveyAnswer> answers) => NextPage(survey, 0, answers);

    public static int? NextPage(Survey survey, int page, IReadOnlyCollection<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return survey.Pages.Where(p => p > page && ShownOn(survey, p, answers).Count > 0).Select(p => (int?)p).FirstOrDefault();
    }

    public static int? PreviousPage(Survey survey, int page, IReadOnlyCollection<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return survey.Pages.Where(p => p < page && ShownOn(survey, p, answers).Count > 0).Select(p => (int?)p).LastOrDefault();
    }

    /// <summary>The first required question that applies and has no answer, in the order of the survey.</summary>
    public static SurveyQuestion? FirstMissing(Survey survey, IReadOnlyCollection<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return survey.Ordered.FirstOrDefault(q => q.Required && Applies(survey, q, answers) && !answers.Any(a => a.QuestionId == q.Id));
    }

    /// <summary>Answers to questions that no longer apply (the person changed an earlier answer): not kept.</summary>
    public static List<SurveyAnswer> NotApplying(Survey survey, IReadOnlyCollection<SurveyAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        var byId = survey.Questions.ToDictionary(q => q.Id);
        return [.. answers.Where(a => !byId.TryGetValue(a.QuestionId, out var q) || !Applies(survey, q, answers))];
    }
}
