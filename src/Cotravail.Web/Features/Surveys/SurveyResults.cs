using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Features.Surveys;

/// <summary>One stored answer, as the results read it (only answers of counted responses).</summary>
public sealed record AnswerRow(int ResponseId, int QuestionId, int? OptionId, int? Number, string? Text);

/// <summary>A choice (or a note, or a postcode) and how many people gave it; the percentage is of those who answered the question.</summary>
public sealed record OptionCount(string Label, int Count, double Percent);

public sealed record QuestionResult(
    SurveyQuestion Question, int Answered, IReadOnlyList<OptionCount> Counts, NumberSummary? Numbers, IReadOnlyList<string> Texts)
{
    public bool IsFreeText => Question.Kind is QuestionKind.ShortText or QuestionKind.LongText;
}

public sealed record NumberSummary(int Min, int Max, double Mean, double Median);

/// <summary>A question's answers split by the answer to another (a single-choice question or the postcode).</summary>
public sealed record CrossTab(SurveyQuestion Row, SurveyQuestion By, IReadOnlyList<string> Columns, IReadOnlyList<CrossRow> Rows);

public sealed record CrossRow(string Label, IReadOnlyList<int> Counts, int Total);

/// <summary>The results of a survey, computed from the answers of counted responses without I/O.</summary>
public sealed class SurveyResults
{
    /// <summary>Postcodes beyond this many are grouped in one « other » column of a cross-tabulation.</summary>
    public const int PostcodeColumns = 5;

    private readonly ILookup<int, AnswerRow> _byQuestion;

    private SurveyResults(Survey survey, int responses, ILookup<int, AnswerRow> byQuestion, List<QuestionResult> questions)
    {
        Survey = survey;
        Responses = responses;
        _byQuestion = byQuestion;
        Questions = questions;
    }

    public Survey Survey { get; }
    public int Responses { get; }
    public IReadOnlyList<QuestionResult> Questions { get; }

    public static SurveyResults Compute(Survey survey, int responses, IReadOnlyCollection<AnswerRow> answers)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(answers);
        var byQuestion = answers.ToLookup(a => a.QuestionId);
        var list = survey.Ordered.Select(q => Of(q, byQuestion[q.Id].ToList())).ToList();
        return new SurveyResults(survey, responses, byQuestion, list);
    }

    public QuestionResult For(int questionId) => Questions.First(r => r.Question.Id == questionId);

    /// <summary>Questions a cross-tabulation may be split by: single choices and postcodes.</summary>
    public IEnumerable<SurveyQuestion> CrossCandidates =>
        Survey.Ordered.Where(q => q.Kind is QuestionKind.SingleChoice or QuestionKind.Postcode);

    /// <summary>Every choice, note or postcode question split by <paramref name="by"/>.</summary>
    public List<CrossTab> CrossBy(SurveyQuestion by, string otherPostcodes)
    {
        ArgumentNullException.ThrowIfNull(by);
        List<string> columns;
        Dictionary<int, int> columnOf; // response → column
        var byAnswers = _byQuestion[by.Id].ToList();
        if (by.Kind == QuestionKind.Postcode)
        {
            var top = For(by.Id).Counts.Take(PostcodeColumns).Select(c => c.Label[..5]).ToList();
            var hasOther = byAnswers.Any(a => !top.Contains(a.Text!));
            columns = [.. top];
            if (hasOther)
            {
                columns.Add(otherPostcodes);
            }
            columnOf = byAnswers.GroupBy(a => a.ResponseId)
                .ToDictionary(g => g.Key, g => top.IndexOf(g.First().Text!) is var i and >= 0 ? i : top.Count);
        }
        else
        {
            var options = by.OrderedOptions.ToList();
            columns = [.. options.Select(o => o.Label)];
            columnOf = byAnswers.Where(a => a.OptionId is not null).GroupBy(a => a.ResponseId)
                .ToDictionary(g => g.Key, g => options.FindIndex(o => o.Id == g.First().OptionId));
        }
        var tabs = new List<CrossTab>();
        foreach (var q in Survey.Ordered.Where(q => q.Id != by.Id && q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Scale))
        {
            var rows = new List<CrossRow>();
            var answers = _byQuestion[q.Id].ToList();
            IEnumerable<(string Label, Func<AnswerRow, bool> Match)> values = q.Kind == QuestionKind.Scale
                ? Enumerable.Range(SurveyQuestion.ScaleMin, SurveyQuestion.ScaleMax).Select(n => (n.ToString(System.Globalization.CultureInfo.CurrentCulture), (Func<AnswerRow, bool>)(a => a.Number == n)))
                : q.OrderedOptions.Select(o => (o.Label, (Func<AnswerRow, bool>)(a => a.OptionId == o.Id)));
            foreach (var (label, match) in values)
            {
                var counts = new int[columns.Count];
                foreach (var responseId in answers.Where(match).Select(a => a.ResponseId).Distinct())
                {
                    if (columnOf.TryGetValue(responseId, out var c) && c >= 0 && c < counts.Length)
                    {
                        counts[c]++;
                    }
                }
                rows.Add(new CrossRow(label, counts, counts.Sum()));
            }
            tabs.Add(new CrossTab(q, by, columns, rows));
        }
        return tabs;
    }

    private static QuestionResult Of(SurveyQuestion q, List<AnswerRow> answers)
    {
        var answered = answers.Select(a => a.ResponseId).Distinct().Count();
        double Percent(int count) => answered == 0 ? 0 : 100.0 * count / answered;
        switch (q.Kind)
        {
            case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                return new QuestionResult(q, answered, [.. q.OrderedOptions.Select(o =>
                {
                    var n = answers.Where(a => a.OptionId == o.Id).Select(a => a.ResponseId).Distinct().Count();
                    return new OptionCount(o.Label, n, Percent(n));
                })], null, []);
            case QuestionKind.Scale:
                return new QuestionResult(q, answered, [.. Enumerable.Range(SurveyQuestion.ScaleMin, SurveyQuestion.ScaleMax).Select(v =>
                {
                    var n = answers.Count(a => a.Number == v);
                    return new OptionCount(v.ToString(System.Globalization.CultureInfo.CurrentCulture), n, Percent(n));
                })], Summary(answers), []);
            case QuestionKind.Number:
                return new QuestionResult(q, answered, [], Summary(answers), []);
            case QuestionKind.Postcode:
                return new QuestionResult(q, answered, [.. answers.GroupBy(a => a.Text ?? "")
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new OptionCount(PostcodeLabel(g.Key), g.Count(), Percent(g.Count())))], null, []);
            default:
                return new QuestionResult(q, answered, [], null, [.. answers.Where(a => !string.IsNullOrWhiteSpace(a.Text)).Select(a => a.Text!)]);
        }
    }

    /// <summary>« 46140 (Luzech, Albas…) », or the bare postcode when no commune is known.</summary>
    public static string PostcodeLabel(string postcode)
    {
        var communes = Communes.IsPostcode(postcode) ? Communes.At(postcode).ToList() : [];
        return communes.Count == 0 ? postcode
            : communes.Count <= 3 ? $"{postcode} ({string.Join(", ", communes)})"
            : $"{postcode} ({string.Join(", ", communes.Take(3))}…)";
    }

    private static NumberSummary? Summary(List<AnswerRow> answers)
    {
        var values = answers.Where(a => a.Number is not null).Select(a => a.Number!.Value).Order().ToList();
        if (values.Count == 0)
        {
            return null;
        }
        var median = values.Count % 2 == 1 ? values[values.Count / 2] : (values[(values.Count / 2) - 1] + values[values.Count / 2]) / 2.0;
        return new NumberSummary(values[0], values[^1], values.Average(), median);
    }
}
