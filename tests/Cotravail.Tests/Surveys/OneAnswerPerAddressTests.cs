using System.Net;
using System.Text.RegularExpressions;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Surveys;

/// <summary>A survey that counts one answer per e-mail address, confirmed by a link sent by e-mail.</summary>
public sealed partial class OneAnswerPerAddressTests
{
    [Fact]
    public async Task An_answer_counts_once_its_e_mailed_link_is_confirmed_and_a_second_answer_from_the_same_address_does_not_count()
    {
        await using var app = await TestApp.StartAsync();
        var s = await app.DemoSurveyAsync();
        await app.WithDbAsync(async db =>
        {
            (await db.Surveys.FindAsync(s.Id))!.OnePerEmail = true;
            return await db.SaveChangesAsync();
        });
        var before = await app.CountedAsync(s.Id);

        async Task<HttpResponseMessage> AnswerAsync(string email)
        {
            var browser = app.Browser();
            await browser.SubmitFormAsync(SurveySteps.DemoUrl, s.DemoPage1());
            await browser.SubmitFormAsync(SurveySteps.DemoUrl, s.DemoPage2());
            var last = s.DemoPage3();
            last["Email"] = email;
            return await browser.SubmitFormAsync(SurveySteps.DemoUrl, last);
        }

        var missing = await (await AnswerAsync("")).ParseAsync();
        Assert.Equal("Indiquez votre adresse e-mail : elle sert à confirmer votre réponse.", missing.QuerySelector("#Email-error").Text());

        var sent = await AnswerAsync("lea@exemple.fr");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(before, await app.CountedAsync(s.Id)); // not yet confirmed
        var mail = Assert.Single(app.Mails());
        Assert.Equal("lea@exemple.fr", mail.To.Mailboxes.Single().Address);
        var link = new Uri(LinkPattern().Match(mail.TextBody ?? "").Value);

        var browser = app.Browser();
        var confirm = await browser.SubmitFormAsync(link.PathAndQuery, new Dictionary<string, string>());
        Assert.Equal("Merci, votre réponse est confirmée : elle compte dans les résultats.", (await confirm.ParseAsync()).QuerySelector("main .notice").Text());
        Assert.Equal(before + 1, await app.CountedAsync(s.Id));

        var again = await (await AnswerAsync("LEA@exemple.fr")).ParseAsync();
        Assert.Equal("Une réponse a déjà été enregistrée avec cette adresse e-mail : une seule réponse par personne.", again.QuerySelector("#Email-error").Text());
        Assert.Equal(before + 1, await app.CountedAsync(s.Id));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == s.Id && r.ConfirmedEmail == null && r.Email != null && r.Status == Cotravail.Web.Features.Surveys.ResponseStatus.Complete)));
    }

    [GeneratedRegex(@"https?://\S+/confirmer\?jeton=\S+")]
    private static partial Regex LinkPattern();
}
