using System.Net;
using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Entrepreneurs;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Entrepreneurs;

[Collection(Alone.Name)]
public sealed class ContactTests
{
    private static Task<HttpResponseMessage> WriteAsync(HttpClient client, int profileId, string body = "Bonjour, pouvons-nous en parler ?") =>
        client.SubmitFormAsync($"/messages/nouveau?fiche={profileId}", new Dictionary<string, string> { ["Input.Subject"] = "Un projet", ["Input.Body"] = body });

    [Fact]
    public async Task A_message_goes_through_the_relay_without_showing_addresses_and_the_reply_comes_back_the_same_way()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var (owner, profile) = await app.MemberWithProfileAsync("couvreur.prive@exemple.fr", "Toitures du Lot", Visibility.Public);
        var sender = app.Browser();
        await sender.SignInAsync(TestApp.MemberEmail);

        var sent = await WriteAsync(sender, profile.Id);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var conversationUrl = sent.Headers.Location!.OriginalString;
        var senderView = await sender.GetDocumentAsync(conversationUrl);
        Assert.DoesNotContain("couvreur.prive@exemple.fr", senderView.Body!.InnerHtml, StringComparison.Ordinal);

        var mail = Assert.Single(app.Mails());
        Assert.Equal("couvreur.prive@exemple.fr", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Bonjour, pouvons-nous en parler ?", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.MemberEmail, mail.TextBody + mail.Subject + mail.ReplyTo, StringComparison.Ordinal);
        var link = EventSteps.LinkTo(mail, conversationUrl);

        var recipient = app.Browser();
        await recipient.SignInAsync(owner.Email!);
        var thread = await recipient.GetDocumentAsync(link);
        Assert.Contains("Bonjour, pouvons-nous en parler ?", thread.QuerySelector("ol")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.MemberEmail, thread.Body!.InnerHtml, StringComparison.Ordinal);
        var reply = await recipient.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Body"] = "Avec plaisir, passez mardi." }, "form.form:not([action])");
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        var back = app.Mails().Last();
        Assert.Equal(TestApp.MemberEmail, back.To.Mailboxes.Single().Address);
        Assert.Contains("Avec plaisir, passez mardi.", back.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("couvreur.prive@exemple.fr", back.TextBody, StringComparison.Ordinal);
        Assert.Contains("Avec plaisir, passez mardi.", (await sender.GetDocumentAsync(conversationUrl)).QuerySelector("ol")!.Text(), StringComparison.Ordinal);

        // Nobody else reads the conversation.
        var other = app.Browser();
        await other.SignInAsync(TestApp.HostEmail);
        await other.GetDocumentAsync(conversationUrl, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Writing_to_oneself_or_to_someone_who_blocked_you_gets_a_clear_message_and_nothing_is_sent()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var (owner, profile) = await app.MemberWithProfileAsync("bloqueur@exemple.fr", "Atelier Tranquille", Visibility.Members);
        var self = app.Browser();
        await self.SignInAsync(owner.Email!);
        var toSelf = await self.GetDocumentAsync($"/messages/nouveau?fiche={profile.Id}");
        Assert.Equal("Vous ne pouvez pas vous écrire à vous-même.", toSelf.QuerySelector("[role=alert]").Text());

        var sender = app.Browser();
        await sender.SignInAsync(TestApp.MemberEmail);
        await WriteAsync(sender, profile.Id);
        var conversation = await app.WithDbAsync(db => db.Conversations().SingleAsync());
        var openedBefore = await sender.GetDocumentAsync($"/messages/nouveau?fiche={profile.Id}");
        var block = await self.SubmitFormAsync($"/messages/{conversation.Id}", new Dictionary<string, string>(), "form[action*='handler=Block']");
        Assert.Equal(HttpStatusCode.Redirect, block.StatusCode);
        var mailsBefore = app.Mails().Count;

        var shown = await sender.GetDocumentAsync($"/messages/nouveau?fiche={profile.Id}");
        Assert.Equal("Ce membre ne souhaite pas recevoir de messages de votre part.", shown.QuerySelector("[role=alert]").Text());
        Assert.Null(shown.QuerySelector("main form"));
        var values = openedBefore.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        values["Input.Subject"] = "Encore";
        values["Input.Body"] = "Encore moi.";
        var refused = await (await sender.PostAsync(new Uri("/messages/nouveau", UriKind.Relative), new FormUrlEncodedContent(values))).ParseAsync();
        Assert.Equal("Ce membre ne souhaite pas recevoir de messages de votre part.", refused.QuerySelector("[role=alert]").Text());
        var thread = await sender.GetDocumentAsync($"/messages/{conversation.Id}");
        Assert.Equal("Ce membre ne souhaite pas recevoir de messages de votre part.", thread.QuerySelector("[role=alert]").Text());
        Assert.Null(thread.QuerySelector("textarea"));
        // A reply posted anyway (a form kept open in another tab) is refused too.
        var replyRefused = await (await sender.SubmitFormAsync($"/messages/{conversation.Id}", new Dictionary<string, string> { ["Input.Body"] = "Et ici ?" },
            "form[action*='handler=Block']", postTo: $"/messages/{conversation.Id}")).ParseAsync();
        Assert.Equal("Ce membre ne souhaite pas recevoir de messages de votre part.", replyRefused.QuerySelector("[role=alert]").Text());
        Assert.Equal(1, await app.WithDbAsync(db => db.Conversations().CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.ConversationMessages().CountAsync()));
        Assert.Equal(mailsBefore, app.Mails().Count);

        // Unblocking from « Mes messages » lets them write again.
        var list = await self.GetDocumentAsync("/messages");
        var userId = list.QuerySelector("input[name=userId]")!.GetAttribute("value")!;
        await self.SubmitFormAsync("/messages", new Dictionary<string, string> { ["userId"] = userId }, "form[action*='handler=Unblock']");
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(sender, profile.Id, "Merci !")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task New_contacts_a_day_are_capped_in_the_database_even_when_sent_at_once(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string?> { ["Network:Digest"] = "false", ["Network:DailyContacts"] = "3" });
        var profiles = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            profiles.Add((await app.MemberWithProfileAsync($"cible{i}@exemple.fr", $"Cible {i}", Visibility.Public)).Profile.Id);
        }
        var sender = (await app.CreateUserAsync("prospecteur@exemple.fr")).Id;

        using var start = new ManualResetEventSlim();
        var results = await Task.WhenAll(profiles.Take(5).Select(p => Task.Run(async () =>
        {
            start.Wait();
            return await app.WithServiceAsync<ContactResult, ContactRelay>(r => r.StartAsync(sender, p, null, "Bonjour", "Un message", CancellationToken.None));
        })).Select(t => { start.Set(); return t; }));
        Assert.Equal(3, results.Count(r => r.Outcome == ContactOutcome.Sent));
        Assert.Equal(2, results.Count(r => r.Outcome == ContactOutcome.DailyLimit));
        Assert.Equal(3, await app.WithDbAsync(db => db.Conversations().CountAsync()));

        // The page says so; replies in running conversations still go; tomorrow is a new day.
        var client = app.Browser();
        await client.SignInAsync("prospecteur@exemple.fr");
        var refused = await (await WriteAsync(client, profiles[5])).ParseAsync();
        Assert.StartsWith("Vous avez pris contact avec 3 membres aujourd'hui", refused.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);
        var running = results.First(r => r.Outcome == ContactOutcome.Sent).ConversationId!.Value;
        Assert.Equal(ContactOutcome.Sent, await app.WithServiceAsync<ContactOutcome, ContactRelay>(r => r.ReplyAsync(sender, running, "Suite", CancellationToken.None)));
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(client, profiles[5])).StatusCode);
    }

    [Fact]
    public async Task A_manager_dismisses_a_report_or_hides_the_profile_reported()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var (_, spam) = await app.MemberWithProfileAsync("spam@exemple.fr", "Promo Miracle", Visibility.Public);
        var (_, fine) = await app.MemberWithProfileAsync("correct@exemple.fr", "Atelier Correct", Visibility.Public);
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        foreach (var id in new[] { spam.Id, fine.Id })
        {
            var r = await member.SubmitFormAsync($"/annuaire/{id}", new Dictionary<string, string> { ["Reason"] = "Publicité trompeuse" }, "form[action*='handler=Report']");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        var empty = await (await member.SubmitFormAsync($"/annuaire/{fine.Id}", new Dictionary<string, string> { ["Reason"] = "" }, "form[action*='handler=Report']")).ParseAsync();
        Assert.Equal("Indiquez le motif du signalement.", empty.QuerySelector("#Reason-error").Text());

        Assert.Contains("/compte/acces-refuse", (await member.GetAsync(new Uri("/gestion/signalements", UriKind.Relative))).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var reports = await app.WithDbAsync(db => db.Reports().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        await manager.SubmitFormAsync("/gestion/signalements", new Dictionary<string, string> { ["reportId"] = $"{reports[0]}" }, "form[action*='handler=Hide']");
        await manager.SubmitFormAsync("/gestion/signalements", new Dictionary<string, string> { ["reportId"] = $"{reports[1]}" }, "form[action*='handler=Dismiss']");

        Assert.Equal("Aucun signalement à traiter.", (await manager.GetDocumentAsync("/gestion/signalements")).QuerySelector("main p:not(.notice)").Text());
        await member.GetDocumentAsync($"/annuaire/{spam.Id}", HttpStatusCode.NotFound);
        await member.GetDocumentAsync($"/annuaire/{fine.Id}");
        var api = await (await app.CreateClient().GetAsync(new Uri("/api/v1/directory?q=promo", UriKind.Relative))).JsonAsync();
        Assert.Equal(0, api.GetProperty("total").GetInt32());
    }
}
