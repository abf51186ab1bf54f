using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Newcomers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Newcomers;

public sealed class InboxAndRelayTests
{
    private static async Task<int> SubmitAsync(TestApp app, string name = "Léa Fabre")
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().SubmitFormAsync("/venir/demande", RequestFormTests.Valid(name))).StatusCode);
        return await app.WithDbAsync(db => db.Set<NewcomerRequest>().Where(r => r.Name == name).Select(r => r.Id).SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Notes_mails_and_status_changes_are_kept_with_who_and_when(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await SubmitAsync(app);
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/nouveaux-arrivants/{id}";

        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["Note.Text"] = "Rappelée le matin." },
            formSelector: "form[action*=Note]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Mail.Subject"] = "Votre venue à Luzech", ["Mail.Body"] = "Nous vous attendons mardi au tiers-lieu.",
        }, formSelector: "form[action*=Mail]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["status"] = "settled" },
            formSelector: "form[action*=Status]")).StatusCode);

        var mail = Assert.Single(app.Mails(), m => m.Subject == "Votre venue à Luzech");
        Assert.Contains("Nous vous attendons mardi", mail.TextBody, StringComparison.Ordinal);
        var history = (await manager.GetDocumentAsync(url)).QuerySelector("ol.history").Text();
        Assert.Contains("Rappelée le matin.", history, StringComparison.Ordinal);
        Assert.Contains("Votre venue à Luzech", history, StringComparison.Ordinal);
        Assert.Contains("nouvelle → répondu", history, StringComparison.Ordinal); // the e-mail answered the request
        Assert.Contains("répondu → installé·e", history, StringComparison.Ordinal);
        Assert.Contains("Claire Delmas", history, StringComparison.Ordinal);

        var request = await app.WithDbAsync(db => db.Set<NewcomerRequest>().Include(r => r.History).SingleAsync(r => r.Id == id));
        Assert.Equal(RequestStatus.Settled, request.Status);
        Assert.NotNull(request.SettledAtUtc);
        var change = request.History.Last(e => e.Kind == EntryKind.StatusChanged);
        Assert.Equal((RequestStatus.Answered, RequestStatus.Settled, app.Clock.GetUtcNow().UtcDateTime), (change.FromStatus!.Value, change.ToStatus!.Value, change.AtUtc));
        Assert.NotNull(change.ByUserId);

        var inbox = await manager.GetDocumentAsync("/gestion/nouveaux-arrivants");
        Assert.Matches(@"\d+ demandes?, dont \d+ projets? installés?\.", inbox.QuerySelector("#indicateurs")!.ParentElement.Text());
    }

    [Fact]
    public async Task Members_and_hosts_cannot_open_the_inbox_nor_a_manager_of_another_network_a_request()
    {
        await using var app = await TestApp.StartAsync();
        var id = await SubmitAsync(app);
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync(new Uri("/gestion/nouveaux-arrivants", UriKind.Relative))).StatusCode);
        var (_, _, other) = await app.CreateOtherNetworkAsync();
        var otherManager = app.Browser();
        await otherManager.SignInAsync(other.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync(new Uri($"/gestion/nouveaux-arrivants/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_relay_carries_messages_both_ways_without_showing_either_address()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Newcomers:RelayMessagesPerDay"] = "1" });
        var id = await SubmitAsync(app);
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var ambassadorId = await app.WithDbAsync(db => db.Set<Ambassador>().Include(a => a.User).Where(a => a.User!.Email == TestApp.MemberEmail).Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync($"/gestion/nouveaux-arrivants/{id}",
            new Dictionary<string, string> { ["ambassadorId"] = $"{ambassadorId}" }, formSelector: "form[action*=Introduce]")).StatusCode);

        var toNewcomer = Assert.Single(app.Mails(), m => m.To.ToString().Contains("lea.fabre@exemple.fr", StringComparison.Ordinal) && (m.Subject ?? "").Contains("vous accueille", StringComparison.Ordinal));
        var toAmbassador = Assert.Single(app.Mails(), m => m.To.ToString().Contains(TestApp.MemberEmail, StringComparison.Ordinal));
        Assert.DoesNotContain(TestApp.MemberEmail, toNewcomer.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("lea.fabre@exemple.fr", toAmbassador.TextBody, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(toNewcomer.TextBody ?? "", @"http://localhost(/venir/echange\?jeton=\S+)").Groups[1].Value;
        Assert.NotEmpty(link);

        // The newcomer, without an account, writes through the signed link.
        var newcomer = app.Browser();
        var page = await newcomer.GetDocumentAsync(link);
        Assert.DoesNotContain(TestApp.MemberEmail, page.Body.Text(), StringComparison.Ordinal);
        Assert.Contains("Sophie M.", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Body"] = "Comment sont les écoles à Luzech ?" })).StatusCode);
        var notice = Assert.Single(app.Mails(), m => (m.Subject ?? "").StartsWith("Nouveau message de Léa Fabre", StringComparison.Ordinal));
        Assert.Contains(TestApp.MemberEmail, notice.To.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("lea.fabre@exemple.fr", notice.TextBody + notice.ReplyTo + notice.From, StringComparison.Ordinal);

        // The ambassador answers from Cotravail.
        var introductionId = await app.WithDbAsync(db => db.Set<Introduction>().Select(i => i.Id).SingleAsync());
        var ambassador = app.Browser();
        await ambassador.SignInAsync(TestApp.MemberEmail);
        var hers = await ambassador.GetDocumentAsync($"/venir/echanges/{introductionId}");
        Assert.DoesNotContain("lea.fabre@exemple.fr", hers.Body.Text(), StringComparison.Ordinal);
        Assert.Contains("Comment sont les écoles", hers.Body.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ambassador.SubmitFormAsync($"/venir/echanges/{introductionId}",
            new Dictionary<string, string> { ["Input.Body"] = "Très bien ! Passez me voir au tiers-lieu." })).StatusCode);
        var reply = Assert.Single(app.Mails(), m => m.Subject == "Nouveau message de Sophie M.");
        Assert.Contains("lea.fabre@exemple.fr", reply.To.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.MemberEmail, reply.TextBody + reply.ReplyTo + reply.From, StringComparison.Ordinal);
        Assert.Contains("Passez me voir", (await newcomer.GetDocumentAsync(link)).Body.Text(), StringComparison.Ordinal);

        // One side cannot flood the other with e-mails: beyond the day's limit, a message and nothing sent.
        var mailsBefore = app.Mails().Count;
        var flood = await newcomer.SubmitFormAsync(link, new Dictionary<string, string> { ["Input.Body"] = "Encore une question !" });
        Assert.Equal(HttpStatusCode.OK, flood.StatusCode);
        Assert.Contains("beaucoup de messages aujourd'hui", (await flood.ParseAsync()).QuerySelector("#Input_Body-error").Text(), StringComparison.Ordinal);
        Assert.Equal(mailsBefore, app.Mails().Count);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<RelayMessage>().CountAsync(m => m.FromNewcomer)));

        // Nobody else gets in: a forged token, another member.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(new Uri("/venir/echange?jeton=faux", UriKind.Relative))).StatusCode);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync(new Uri($"/venir/echanges/{introductionId}", UriKind.Relative))).StatusCode);
        Assert.Contains("Mis·e en relation", (await manager.GetDocumentAsync($"/gestion/nouveaux-arrivants/{id}")).QuerySelector("ol.history").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_volunteers_as_ambassador_and_stops()
    {
        await using var app = await TestApp.StartAsync();
        var user = await app.CreateUserAsync("artisan@exemple.fr");
        var member = app.Browser();
        await member.SignInAsync(user.Email!);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync("/venir/ambassadeur", new Dictionary<string, string>
        {
            ["Input.Sectors"] = "F — construction", ["Input.Communes"] = "Prayssac",
        })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Set<Ambassador>().AnyAsync(a => a.UserId == user.Id && a.IsActive)));
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync("/venir/ambassadeur", new Dictionary<string, string>(),
            formSelector: "form[action*=Stop]")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Set<Ambassador>().AnyAsync(a => a.UserId == user.Id && a.IsActive)));

        var empty = await member.SubmitFormAsync("/venir/ambassadeur", new Dictionary<string, string> { ["Input.Sectors"] = "", ["Input.Communes"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Indiquez au moins un secteur.", (await empty.ParseAsync()).QuerySelector("#Input_Sectors-error").Text(), StringComparison.Ordinal);
    }
}
