using System.Net;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Surveys;

/// <summary>Answering at /enquetes/{slug}: one page at a time, plain forms, the draft kept on the server.</summary>
public sealed class AnsweringTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_person_answers_page_by_page_goes_back_without_losing_anything_and_is_counted_once(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var s = await app.DemoSurveyAsync();
        var before = await app.CountedAsync(s.Id);
        var browser = app.Browser();

        var first = await browser.GetDocumentAsync(SurveySteps.DemoUrl);
        Assert.Contains("Page 1 sur 3", first.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Contains("Vos réponses sont anonymes", first.Body.Text(), StringComparison.Ordinal);
        Assert.Equal("Avez-vous déjà pratiqué le coworking ? (obligatoire)", first.QuerySelectorAll("fieldset legend")[1].Text());

        var page2 = await (await browser.SubmitFormAsync(SurveySteps.DemoUrl, s.DemoPage1())).ParseAsync();
        Assert.Contains("Page 2 sur 3", page2.QuerySelector("h1").Text(), StringComparison.Ordinal);

        // « Page précédente » shows page 1 with what was answered, from the server's draft
        var fields2 = s.DemoPage2();
        fields2["aller"] = "precedent";
        var back = await (await browser.SubmitFormAsync(SurveySteps.DemoUrl, fields2)).ParseAsync();
        Assert.Contains("Page 1 sur 3", back.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.NotNull(back.QuerySelector($"input[name={s.Field("Avez-vous déjà")}][value='{s.Option("Avez-vous déjà", "Non")}'][checked]"));

        await browser.SubmitFormAsync(SurveySteps.DemoUrl, s.DemoPage1());
        // coming back later to the link resumes where the person was (cookie), with page 2 filled in
        var resumed = await browser.GetDocumentAsync(SurveySteps.DemoUrl);
        Assert.Contains("Page 2 sur 3", resumed.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Equal("8", resumed.QuerySelector($"#{s.Field("Combien de jours")}")!.GetAttribute("value"));
        await browser.SubmitFormAsync(SurveySteps.DemoUrl, s.DemoPage2());
        var sent = await browser.SubmitFormAsync(SurveySteps.DemoUrl, s.DemoPage3());

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(SurveySteps.DemoUrl + "/merci", sent.Headers.Location!.OriginalString);
        Assert.Equal(before + 1, await app.CountedAsync(s.Id));
        var thanks = await browser.GetDocumentAsync(SurveySteps.DemoUrl + "/merci");
        Assert.Contains("Vos réponses sont enregistrées.", thanks.Body.Text(), StringComparison.Ordinal);
        // the link starts a new, empty answer afterwards
        Assert.Contains("Page 1 sur 3", (await browser.GetDocumentAsync(SurveySteps.DemoUrl)).QuerySelector("h1").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_back_from_the_first_page_stays_on_it_with_its_answers()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        var fields = s.DemoPage1();
        fields["aller"] = "precedent";

        var response = await app.Browser().SubmitFormAsync(SurveySteps.DemoUrl, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Page 1 sur 3", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"input[name={s.Field("Avez-vous déjà")}][value='{s.Option("Avez-vous déjà", "Non")}'][checked]"));
    }

    [Fact]
    public async Task A_missing_required_answer_is_named_in_French_next_to_its_question_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        var stored = await app.StoredAnswersAsync(s.Id);
        var fields = s.DemoPage1();
        fields.Remove(s.Field("Avez-vous déjà"));

        var response = await app.Browser().SubmitFormAsync(SurveySteps.DemoUrl, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        var id = s.Field("Avez-vous déjà");
        Assert.Equal("Cette question est obligatoire : donnez une réponse.", page.QuerySelector($"#{id}-error").Text());
        Assert.Contains($"{id}-error", page.QuerySelector($"fieldset#{id}")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary[role=alert] a[href^='#" + id + "-']"));
        // what was ticked is still ticked
        Assert.NotNull(page.QuerySelector($"input[name={s.Field("Savez-vous")}][checked]"));
        Assert.Contains("Page 1 sur 3", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Equal(stored, await app.StoredAnswersAsync(s.Id));
        Assert.Equal("", page.QuerySelector("input[name=Jeton]")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task A_number_out_of_range_and_a_postcode_that_is_not_five_digits_get_French_messages_and_nothing_is_stored()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        var browser = app.Browser();
        await browser.SubmitFormAsync(SurveySteps.DemoUrl, s.DemoPage1());
        var stored = await app.StoredAnswersAsync(s.Id);

        var page2 = s.DemoPage2();
        page2[s.Field("Combien de jours")] = "45";
        var wrongNumber = await (await browser.SubmitFormAsync(SurveySteps.DemoUrl, page2)).ParseAsync();
        Assert.Equal("Indiquez un nombre entre 0 et 31.", wrongNumber.QuerySelector($"#{s.Field("Combien de jours")}-error").Text());
        Assert.Equal("45", wrongNumber.QuerySelector($"#{s.Field("Combien de jours")}")!.GetAttribute("value"));
        page2[s.Field("Combien de jours")] = "huit";
        var notANumber = await (await browser.SubmitFormAsync(SurveySteps.DemoUrl, page2)).ParseAsync();
        Assert.Equal("Indiquez un nombre entier, en chiffres.", notANumber.QuerySelector($"#{s.Field("Combien de jours")}-error").Text());
        Assert.Equal(stored, await app.StoredAnswersAsync(s.Id));

        page2[s.Field("Combien de jours")] = "8";
        await browser.SubmitFormAsync(SurveySteps.DemoUrl, page2);
        var page3 = s.DemoPage3();
        page3[s.Field("Votre code postal")] = "4614";
        var counted = await app.CountedAsync(s.Id);
        var wrongPostcode = await browser.SubmitFormAsync(SurveySteps.DemoUrl, page3);
        Assert.Equal(HttpStatusCode.OK, wrongPostcode.StatusCode);
        Assert.Equal("Le code postal doit comporter 5 chiffres.", (await wrongPostcode.ParseAsync()).QuerySelector($"#{s.Field("Votre code postal")}-error").Text());
        Assert.Equal(counted, await app.CountedAsync(s.Id));
    }

    [Fact]
    public async Task A_choice_that_is_not_offered_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        var fields = s.DemoPage1();
        fields[s.Field("Avez-vous déjà")] = "999999";
        fields[s.Field("Un espace de coworking")] = "9";

        var page = await (await app.Browser().SubmitFormAsync(SurveySteps.DemoUrl, fields)).ParseAsync();

        Assert.Equal("Cette réponse ne fait pas partie des choix proposés.", page.QuerySelector($"#{s.Field("Avez-vous déjà")}-error").Text());
        Assert.Equal("Choisissez une note de 1 à 5.", page.QuerySelector($"#{s.Field("Un espace de coworking")}-error").Text());
    }

    [Fact]
    public async Task A_closed_survey_says_so_and_an_answer_sent_to_it_is_not_stored()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        var browser = app.Browser();
        var form = await browser.GetDocumentAsync(SurveySteps.DemoUrl); // opened while it was open
        app.Clock.Advance(TimeSpan.FromDays(60));
        var stored = await app.StoredAnswersAsync(s.Id);

        var closed = await browser.GetDocumentAsync(SurveySteps.DemoUrl);
        Assert.StartsWith("Cette enquête est close : il n'est plus possible d'y répondre", closed.QuerySelector("main .alert").Text(), StringComparison.Ordinal);
        Assert.Null(closed.QuerySelector("main form"));

        var values = new List<KeyValuePair<string, string>>(s.DemoPage1())
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Page", "1"),
        };
        var response = await browser.PostAsync(new Uri(SurveySteps.DemoUrl, UriKind.Relative), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Cette enquête est close", (await response.ParseAsync()).Body.Text(), StringComparison.Ordinal);
        Assert.Equal(stored, await app.StoredAnswersAsync(s.Id));
    }

    [Fact]
    public async Task A_survey_not_yet_open_gives_its_opening_day()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        await app.WithDbAsync(async db =>
        {
            var survey = await db.Surveys.FindAsync(s.Id);
            survey!.OpensOn = new DateOnly(2026, 12, 7);
            return await db.SaveChangesAsync();
        });

        var page = await app.Browser().GetDocumentAsync(SurveySteps.DemoUrl);

        Assert.Equal("Cette enquête n'est pas encore ouverte : vous pourrez y répondre à partir du lundi 7 décembre 2026.", page.QuerySelector("main .alert").Text());
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task A_page_cannot_be_skipped_by_sending_a_later_page_number()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        var fields = s.DemoPage3();
        fields["Page"] = "3";
        var stored = await app.StoredAnswersAsync(s.Id);

        var page = await (await app.Browser().SubmitFormAsync(SurveySteps.DemoUrl, fields)).ParseAsync();

        Assert.Contains("Page 1 sur 3", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Equal("Reprenons à la page où vous en étiez.", page.QuerySelector("main .alert").Text());
        Assert.Equal(stored, await app.StoredAnswersAsync(s.Id));
    }
}
