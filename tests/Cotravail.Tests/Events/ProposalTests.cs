using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Events;

public sealed class ProposalTests
{
    private static async Task<int> ProposeAsync(TestApp app, HttpClient member, string end = "12:00")
    {
        var luzech = (await app.SiteAsync("luzech")).Id;
        var response = await member.SubmitFormAsync("/agenda/proposer", new Dictionary<string, string>
        {
            ["Input.SiteId"] = $"{luzech}", ["Input.Kind"] = "Workshop", ["Input.Title"] = "Initiation à la photo",
            ["Input.Description"] = "Apportez votre appareil.", ["Input.Date"] = "2027-01-16", ["Input.StartTime"] = "10:00",
            ["Input.EndTime"] = end, ["Input.Capacity"] = "8",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.Events.Select(e => e.Id).SingleAsync());
    }

    [Fact]
    public async Task A_member_proposes_a_workshop_that_a_host_completes_and_publishes()
    {
        await using var app = await TestApp.StartAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var id = await ProposeAsync(app, member);

        Assert.Empty((await app.Browser().GetDocumentAsync("/agenda?mois=2027-01")).QuerySelectorAll(".events .card"));
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var list = await host.GetDocumentAsync("/animation");
        Assert.Contains("Initiation à la photo — Sophie Martin", list.QuerySelector("#propositions + ul").Text(), StringComparison.Ordinal);
        var edit = await host.GetDocumentAsync($"/animation/{id}");
        Assert.StartsWith("Proposé par Sophie Martin (membre@cotravail.test).", edit.QuerySelector("#proposition").Text(), StringComparison.Ordinal);

        var form = new Dictionary<string, string>
        {
            ["Input.SiteId"] = $"{(await app.SiteAsync("luzech")).Id}", ["Input.Kind"] = "Workshop",
            ["Input.Title"] = "Initiation à la photo numérique", ["Input.Description"] = "Apportez votre appareil.",
            ["Input.Date"] = "2027-01-16", ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "12:00", ["Input.Capacity"] = "8",
            ["Input.Audience"] = "Public", ["Input.OrganiserKind"] = "Member", ["Input.OrganiserName"] = "Sophie Martin",
            ["Input.RegistrationCloseHours"] = "2", ["Input.Publish"] = "true",
        };
        var saved = await host.SubmitFormAsync($"/animation/{id}", form, formSelector: "main form:not([action*=Decline])");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var e = await app.EventAsync(id);
        Assert.Equal(EventStatus.Published, e.Status);
        Assert.Equal("Initiation à la photo numérique", e.Title);
        Assert.Equal(OrganiserKind.Member, e.OrganiserKind);
        Assert.Equal("Votre proposition est publiée : Initiation à la photo numérique", Assert.Single(app.Mails()).Subject);
        Assert.Single((await app.Browser().GetDocumentAsync("/agenda?mois=2027-01")).QuerySelectorAll(".events .card"));
    }

    [Fact]
    public async Task A_host_declines_a_proposal_with_a_message_sent_to_the_member()
    {
        await using var app = await TestApp.StartAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var id = await ProposeAsync(app, member);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var empty = await (await host.SubmitFormAsync($"/animation/{id}", new Dictionary<string, string> { ["DeclineMessage"] = " " },
            formSelector: "main form[action*=Decline]")).ParseAsync();
        Assert.Equal("Expliquez en quelques mots pourquoi la proposition n'est pas retenue.", empty.QuerySelector("#DeclineMessage-error").Text());

        var declined = await host.SubmitFormAsync($"/animation/{id}", new Dictionary<string, string> { ["DeclineMessage"] = "La salle est prise ce samedi-là." },
            formSelector: "main form[action*=Decline]");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var e = await app.EventAsync(id);
        Assert.Equal(EventStatus.Declined, e.Status);
        var mail = Assert.Single(app.Mails());
        Assert.Equal("membre@cotravail.test", mail.To.Mailboxes.Single().Address);
        Assert.Contains("La salle est prise ce samedi-là.", mail.TextBody, StringComparison.Ordinal);
        await app.Browser().GetDocumentAsync($"/agenda/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_proposal_ending_before_it_starts_is_refused_and_nothing_is_saved()
    {
        await using var app = await TestApp.StartAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var page = await (await member.SubmitFormAsync("/agenda/proposer", new Dictionary<string, string>
        {
            ["Input.SiteId"] = $"{(await app.SiteAsync("luzech")).Id}", ["Input.Title"] = "Photo", ["Input.Description"] = "…",
            ["Input.Date"] = "2027-01-16", ["Input.StartTime"] = "10:00", ["Input.EndTime"] = "09:00", ["Input.Capacity"] = "8",
        })).ParseAsync();

        Assert.Equal("La fin doit être après le début.", page.QuerySelector("#Input_EndTime-error").Text());
        Assert.Equal(0, await app.WithDbAsync(db => db.Events.CountAsync()));
    }
}
