using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common;

/// <summary>Every page a person needs is reached by a link, not only by typing its address.</summary>
public sealed class ReachabilityTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Fact]
    public async Task The_public_reaches_the_open_survey_the_agenda_and_the_observatory_from_the_home_page()
    {
        var app = await apps.GetAsync();
        var home = await app.Browser().GetDocumentAsync("/");
        var links = home.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/enquetes/besoins-coworking", links);
        Assert.Contains("/agenda", links);
        Assert.Contains("/observatoire", links);
    }

    [Fact]
    public async Task A_member_reaches_recurring_bookings_the_calendar_feed_invoices_and_entitlements()
    {
        var app = await apps.GetAsync();
        var client = app.Browser();
        await client.SignInAsync(TestApp.MemberEmail);
        var page = await client.GetDocumentAsync("/mes-reservations");
        var links = page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var path in new[] { "/reserver/serie", "/mes-reservations/calendrier", "/mes-factures", "/mes-droits", "/ma-carte", "/coups-de-main" })
        {
            Assert.Contains(path, links);
        }
    }
}
