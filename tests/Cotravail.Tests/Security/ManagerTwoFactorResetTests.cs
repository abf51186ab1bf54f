using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Security;

/// <summary>A manager who lost both phone and recovery codes: another manager of the network resets their 2FA.</summary>
public sealed class ManagerTwoFactorResetTests
{
    [Fact]
    public async Task Another_manager_of_the_network_resets_it_after_a_confirmation_the_person_is_mailed_and_it_is_in_the_audit_log()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Security:RequireTwoFactorForManagers"] = "true" });
        var claire = app.Browser();
        await claire.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        var (key, codes) = await claire.EnableTwoFactorAsync(app);
        var networkId = await DemoNetworkIdAsync(app);
        var paul = await app.CreateUserAsync("paul@cotravail.test", Roles.Manager);
        await app.WithDbAsync(db =>
        {
            db.NetworkManagers.Add(new NetworkManager { NetworkId = networkId, UserId = paul.Id });
            return db.SaveChangesAsync();
        });
        var paulBrowser = app.Browser();
        await paulBrowser.LogInAsync(paul.Email!, TestApp.DemoPassword);
        await paulBrowser.EnableTwoFactorAsync(app);
        var claireId = (await app.FindUserAsync(TestApp.ManagerEmail))!.Id;
        var page = $"/gestion/reseaux/{networkId}/gestionnaires";

        var network = await paulBrowser.GetDocumentAsync($"/gestion/reseaux/{networkId}");
        Assert.NotNull(network.QuerySelector($"main a[href='{page}']"));
        var list = await paulBrowser.GetDocumentAsync(page);
        var row = list.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector("th").Text() == "Claire Delmas");
        Assert.Equal("Activée", row.QuerySelectorAll("td")[1].Text());
        var ask = row.QuerySelector("a")!.GetAttribute("href")!;
        var confirm = await paulBrowser.GetDocumentAsync(ask);
        Assert.Equal("Réinitialiser la double authentification de Claire Delmas ?", confirm.QuerySelector("#confirmation h2").Text());
        Assert.True((await app.FindUserAsync(TestApp.ManagerEmail))!.TwoFactorEnabled); // asking changes nothing

        var done = await paulBrowser.SubmitFormAsync(ask, new Dictionary<string, string>(), "#confirmation form");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await paulBrowser.GetDocumentAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("La double authentification de Claire Delmas est réinitialisée", after.QuerySelector("main .notice").Text(), StringComparison.Ordinal);

        var account = (await app.FindUserAsync(TestApp.ManagerEmail))!;
        Assert.False(account.TwoFactorEnabled);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.NotEqual(key.Replace(" ", "", StringComparison.Ordinal), (await users.GetAuthenticatorKeyAsync(account))?.ToLowerInvariant());
            Assert.Equal(0, await users.CountRecoveryCodesAsync(account));
        }
        var mail = app.LastMailTo(TestApp.ManagerEmail);
        Assert.Equal(IdentityMailer.TwoFactorResetSubject, mail.Subject);
        Assert.Contains("Test paul, gestionnaire du réseau « Vallée du Lot et du Vignoble », a réinitialisé la double authentification", mail.TextBody, StringComparison.Ordinal);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == "TwoFactorReset"));
        Assert.Equal((paul.Id, claireId, claireId), (entry.ActorId, entry.EntityKey, entry.SubjectUserId));
        Assert.Contains("TwoFactorEnabled", entry.Changes, StringComparison.Ordinal);

        // Claire's sessions end; at her next sign-in no code is asked, and she sets it up again before anything else.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await claire.GetAsync(new Uri("/compte/mot-de-passe", UriKind.Relative))).StatusCode);
        var again = await app.Browser().LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        Assert.Equal(TwoFactorSteps.EnablePage, again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_manager_can_neither_reset_their_own_nor_that_of_a_manager_of_another_network()
    {
        await using var app = await TestApp.StartAsync();
        var claire = app.Browser();
        await claire.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        var (key, _) = await claire.EnableTwoFactorAsync(app);
        var claireId = (await app.FindUserAsync(TestApp.ManagerEmail))!.Id;
        var networkId = await DemoNetworkIdAsync(app);
        var (other, _, otherManager) = await app.CreateOtherNetworkAsync();
        var causse = app.Browser();
        await causse.LogInAsync(otherManager.Email!, TestApp.DemoPassword);

        foreach (var url in new[] { $"/gestion/reseaux/{networkId}/gestionnaires", $"/gestion/reseaux/{networkId}/gestionnaires?confirmer={claireId}" })
        {
            var denied = await causse.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Contains("/compte/acces-refuse", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        await causse.GetDocumentAsync($"/gestion/reseaux/{other.Id}/gestionnaires?confirmer={claireId}", HttpStatusCode.NotFound);
        var fields = new Dictionary<string, string> { ["userId"] = claireId };
        var onHers = await causse.SubmitFormAsync("/", fields, "header form[action='/langue']", $"/gestion/reseaux/{networkId}/gestionnaires?handler=ResetTwoFactor");
        Assert.Contains("/compte/acces-refuse", onHers.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var onMine = await causse.SubmitFormAsync("/", fields, "header form[action='/langue']", $"/gestion/reseaux/{other.Id}/gestionnaires?handler=ResetTwoFactor");
        Assert.Equal(HttpStatusCode.NotFound, onMine.StatusCode);

        // Her own: the page sends her to her account's page, and a forged post changes nothing.
        var mine = await claire.GetDocumentAsync($"/gestion/reseaux/{networkId}/gestionnaires");
        var own = mine.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector("th").Text() == "Claire Delmas");
        Assert.Equal("/compte/double-authentification", own.QuerySelector("a")!.GetAttribute("href"));
        var self = await claire.SubmitFormAsync("/", fields, "header form[action='/langue']", $"/gestion/reseaux/{networkId}/gestionnaires?handler=ResetTwoFactor");
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);

        var account = (await app.FindUserAsync(TestApp.ManagerEmail))!;
        Assert.True(account.TwoFactorEnabled);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.Equal(key.Replace(" ", "", StringComparison.Ordinal), (await users.GetAuthenticatorKeyAsync(account))?.ToLowerInvariant());
        }
        Assert.Empty(app.MailsTo(TestApp.ManagerEmail));
        Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "TwoFactorReset")));
    }

    private static Task<int> DemoNetworkIdAsync(TestApp app) =>
        app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());
}
