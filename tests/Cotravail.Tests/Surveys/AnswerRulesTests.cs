using System.Xml.Linq;
using Cotravail.Web.Features.Surveys;

namespace Cotravail.Tests.Surveys;

/// <summary>The rules of answering, without a database.</summary>
public sealed class AnswerRulesTests
{
    private static readonly SurveyQuestion Days = new() { Id = 1, Kind = QuestionKind.Number, Min = 0, Max = 31, Text = "Jours" };

    private static string? Parse(SurveyQuestion q, params string[] values) => AnswerRules.Parse(q, values, []);

    [Fact]
    public void Numbers_outside_their_bounds_or_not_whole_get_a_French_message_and_blank_is_no_answer()
    {
        Assert.Equal("Indiquez un nombre entre 0 et 31.", Parse(Days, "32"));
        Assert.Equal("Indiquez un nombre entre 0 et 31.", Parse(Days, "-1"));
        Assert.Equal("Indiquez un nombre entier, en chiffres.", Parse(Days, "2,5"));
        Assert.Null(Parse(Days, "31"));
        var answers = new List<SurveyAnswer>();
        Assert.Null(AnswerRules.Parse(Days, ["  "], answers));
        Assert.Empty(answers);
    }

    [Fact]
    public void A_postcode_is_five_digits_and_is_kept_without_spaces()
    {
        var q = new SurveyQuestion { Id = 2, Kind = QuestionKind.Postcode };
        Assert.Equal("Le code postal doit comporter 5 chiffres.", Parse(q, "4614"));
        Assert.Equal("Le code postal doit comporter 5 chiffres.", Parse(q, "46 14A"));
        var answers = new List<SurveyAnswer>();
        Assert.Null(AnswerRules.Parse(q, ["46 140"], answers));
        Assert.Equal("46140", Assert.Single(answers).Text);
    }

    [Fact]
    public void A_question_whose_condition_is_not_met_does_not_apply_nor_do_its_own_dependents()
    {
        var survey = new Survey();
        var practised = new SurveyQuestion { Id = 1, Kind = QuestionKind.SingleChoice, Page = 1 };
        practised.Options.AddRange([new QuestionOption { Id = 10, Label = "Oui" }, new QuestionOption { Id = 11, Label = "Non" }]);
        var where = new SurveyQuestion { Id = 2, Kind = QuestionKind.SingleChoice, Page = 2, ShowIfQuestionId = 1, ShowIfOptionId = 10, Required = true };
        where.Options.Add(new QuestionOption { Id = 20, Label = "Cahors" });
        var how = new SurveyQuestion { Id = 3, Kind = QuestionKind.ShortText, Page = 3, ShowIfQuestionId = 2, ShowIfOptionId = 20, Required = true };
        survey.Questions.AddRange([practised, where, how]);

        List<SurveyAnswer> no = [new() { QuestionId = 1, OptionId = 11 }, new() { QuestionId = 2, OptionId = 20 }];
        Assert.False(AnswerRules.Applies(survey, where, no));
        Assert.False(AnswerRules.Applies(survey, how, no));
        Assert.Null(AnswerRules.NextPage(survey, 1, no)); // pages 2 and 3 are skipped
        Assert.Null(AnswerRules.FirstMissing(survey, no));
        Assert.Equal(2, Assert.Single(AnswerRules.NotApplying(survey, no)).QuestionId);

        List<SurveyAnswer> yes = [new() { QuestionId = 1, OptionId = 10 }];
        Assert.Equal(2, AnswerRules.NextPage(survey, 1, yes));
        Assert.Same(where, AnswerRules.FirstMissing(survey, yes));
    }

    [Fact]
    public void Every_kind_and_state_of_a_survey_has_an_English_text()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Cotravail.slnx")))
        {
            dir = dir.Parent;
        }
        var english = XDocument.Load(Path.Combine(dir.FullName, "src", "Cotravail.Web", "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var texts = Enum.GetValues<QuestionKind>().Select(k => k.French()).Concat(Enum.GetValues<SurveyState>().Select(s => s.French()));
        Assert.DoesNotContain(texts, t => !english.Contains(t));
    }
}
