using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Entrepreneurs;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Entrepreneurs;

/// <summary>The directory, the board, one's profile, messages and reports are reached by links.</summary>
public sealed class NetworkLinksTests
{
    private static async Task<List<string?>> LinksAsync(HttpClient client, string url) =>
        [.. (await client.GetDocumentAsync(url)).QuerySelectorAll("a").Select(a => a.GetAttribute("href"))];

    [Fact]
    public async Task Everyone_finds_the_directory_and_the_board_members_their_profile_and_messages_managers_the_reports()
    {
        await using var app = await TestApp.StartAsync(settings: EntrepreneursSteps.NoDigestWorker);
        var home = await LinksAsync(app.Browser(), "/");
        Assert.Contains("/annuaire", home);
        Assert.Contains("/annonces", home);

        var builder = await app.WithDbAsync(db => db.Profiles().Where(p => p.Name == "Bouysset Écoconstruction").Select(p => p.Id).SingleAsync());
        var need = await app.WithDbAsync(db => db.Listings().Where(l => l.ProfileId == builder).Select(l => l.Id).SingleAsync());
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Contains("/messages", await LinksAsync(member, "/"));
        Assert.Contains("/annuaire/ma-fiche", await LinksAsync(member, "/annuaire"));
        Assert.Contains("/annonces/nouvelle", await LinksAsync(member, "/annonces"));
        Assert.Contains($"/messages/nouveau?fiche={builder}", await LinksAsync(member, $"/annuaire/{builder}"));
        Assert.Contains($"/messages/nouveau?annonce={need}", await LinksAsync(member, $"/annonces/{need}"));

        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        Assert.Contains("/gestion/signalements", await LinksAsync(manager, "/"));
    }
}
