using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Community;

public sealed class VolunteeringTests
{
    private static async Task<int> AskAsync(TestApp app, int people, string title = "Ouvrir l'espace samedi matin")
    {
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var luzech = (await app.SiteAsync("luzech")).Id;
        var response = await host.SubmitFormAsync("/accueil/coups-de-main", new Dictionary<string, string>
        {
            ["Input.SiteId"] = $"{luzech}", ["Input.Title"] = title, ["Input.Date"] = "2026-12-05",
            ["Input.Start"] = "09:00", ["Input.End"] = "12:00", ["Input.PeopleNeeded"] = $"{people}",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.WithDbAsync(db => db.HelpTasks.Where(t => t.Title == title).Select(t => t.Id).SingleAsync());
    }

    [Fact]
    public async Task A_host_asks_for_help_members_sign_up_and_withdraw_and_see_their_contributions()
    {
        await using var app = await TestApp.StartAsync();
        var task = await AskAsync(app, 1);
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);

        var list = await member.GetDocumentAsync("/coups-de-main");
        Assert.Contains("Encore 1 personne recherchée sur 1.", list.Body.Text(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync("/coups-de-main", new Dictionary<string, string> { ["taskId"] = $"{task}" },
            postTo: "/coups-de-main?handler=SignUp")).StatusCode);
        Assert.Contains("Ouvrir l'espace samedi matin", (await member.GetDocumentAsync("/mes-coups-de-main")).Body.Text(), StringComparison.Ordinal);

        var other = app.Browser();
        await other.SignInAsync(TestApp.HostEmail);
        var full = await other.GetDocumentAsync("/coups-de-main");
        Assert.Contains("Complet : merci à tous !", full.Body.Text(), StringComparison.Ordinal);
        Assert.Empty(full.QuerySelectorAll("button.primary"));
        Assert.Equal(1, await app.WithDbAsync(db => db.HelpSignups.CountAsync()));

        await member.SubmitFormAsync("/coups-de-main", new Dictionary<string, string> { ["taskId"] = $"{task}" }, postTo: "/coups-de-main?handler=Withdraw");
        Assert.Equal(0, (await app.WithDbAsync(db => db.HelpTasks.SingleAsync())).SignedUp);
        var hostPage = await other.GetDocumentAsync("/accueil/coups-de-main");
        Assert.Contains("0 / 1", hostPage.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ten_members_at_once_for_three_places_three_get_one(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var task = await AskAsync(app, 3);
        var users = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            users.Add((await app.CreateUserAsync($"benevole{i}@exemple.fr")).Id);
        }

        using var start = new ManualResetEventSlim();
        var results = await Task.WhenAll(users.Select(u => Task.Run(async () =>
        {
            start.Wait();
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Volunteering>().SignUpAsync(task, u, CancellationToken.None);
        })).Select(t => { start.Set(); return t; }));

        Assert.Equal(3, results.Count(r => r == SignupOutcome.SignedUp));
        Assert.Equal(7, results.Count(r => r == SignupOutcome.Full));
        Assert.Equal(3, (await app.WithDbAsync(db => db.HelpTasks.SingleAsync())).SignedUp);
    }

    [Fact]
    public async Task A_past_date_or_no_people_is_refused_and_members_cannot_ask()
    {
        await using var app = await TestApp.StartAsync();
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var luzech = (await app.SiteAsync("luzech")).Id;
        var page = await (await host.SubmitFormAsync("/accueil/coups-de-main", new Dictionary<string, string>
        {
            ["Input.SiteId"] = $"{luzech}", ["Input.Title"] = "Repas partagé", ["Input.Date"] = "2026-11-20", ["Input.PeopleNeeded"] = "0",
        })).ParseAsync();
        Assert.Equal("Cette date est passée.", page.QuerySelector("#Input_Date-error").Text());
        Assert.Equal("De 1 à 50 personnes.", page.QuerySelector("#Input_PeopleNeeded-error").Text());
        var puy = (await app.SiteAsync("puy-l-eveque")).Id;
        var foreign = await host.SubmitFormAsync("/accueil/coups-de-main", new Dictionary<string, string>
        {
            ["Input.SiteId"] = $"{puy}", ["Input.Title"] = "Repas partagé", ["Input.Date"] = "2026-12-20", ["Input.PeopleNeeded"] = "2",
        });
        Assert.Contains("/compte/acces-refuse", foreign.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Contains("/compte/acces-refuse", (await member.GetAsync(new Uri("/accueil/coups-de-main", UriKind.Relative))).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.HelpTasks.CountAsync()));
    }
}
