using System.Net;
using Cotravail.Tests.Booking;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Reception;

public sealed class TodayPageTests
{
    [Fact]
    public async Task Who_arrived_leaves_the_expected_list_and_outside_opening_hours_the_free_places_say_when_the_site_opens()
    {
        await using var app = await ReceptionSteps.StartAsync();
        await app.BookDeskTodayAsync(await app.ApiClientAsync(TestApp.MemberEmail));
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        // 07:00, Luzech opens at 08:00: no « 12 places libres » before the door opens.
        var early = await host.GetDocumentAsync("/accueil/luzech");
        Assert.Equal("Le tiers-lieu est fermé en ce moment ; il ouvre mardi 1er décembre 2026 à 8 h 00.", early.QuerySelector("#closed-now").Text().Replace('\u00a0', ' '));
        Assert.Null(early.QuerySelector("section[aria-labelledby=places] table"));
        var api = await app.ApiClientAsync(TestApp.HostEmail);
        var siteId = await app.SiteIdAsync("luzech");
        var closed = await (await api.GetAsync(new Uri($"/api/v1/sites/{siteId}/today", UriKind.Relative))).JsonAsync();
        Assert.False(closed.GetProperty("openNow").GetBoolean());
        Assert.Equal("2026-12-01T08:00:00+01:00", closed.GetProperty("nextOpening").GetString());
        Assert.All(closed.GetProperty("resources").EnumerateArray(), r => Assert.Equal(0, r.GetProperty("free").GetInt32()));

        app.AtParis(9);
        var open = await host.GetDocumentAsync("/accueil/luzech");
        Assert.Null(open.QuerySelector("#closed-now"));
        Assert.NotNull(open.QuerySelector("section[aria-labelledby=places] table"));
        Assert.Equal("Attendus aujourd'hui (1)", open.QuerySelector("#attendus").Text());
        Assert.Contains("Sophie Martin", open.QuerySelector("#expected-list").Text(), StringComparison.Ordinal);

        var arrived = await host.SubmitFormAsync("/accueil/luzech", new Dictionary<string, string>(), formSelector: "form[action*='handler=Arrive']");
        Assert.Equal(HttpStatusCode.Redirect, arrived.StatusCode);
        var after = await host.GetDocumentAsync("/accueil/luzech");
        Assert.Equal("Attendus aujourd'hui (0)", after.QuerySelector("#attendus").Text());
        Assert.Null(after.QuerySelector("#expected-list"));
        Assert.Contains("Toutes les personnes attendues sont arrivées.", after.QuerySelector("section[aria-labelledby=attendus]").Text(), StringComparison.Ordinal);
        Assert.Contains("Sophie Martin", after.QuerySelector("#present-list").Text(), StringComparison.Ordinal);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 21, 30, 0, TimeSpan.Zero)); // 22:30 in Paris
        var night = await host.GetDocumentAsync("/accueil/luzech");
        Assert.Equal("Le tiers-lieu est fermé en ce moment ; il ouvre mercredi 2 décembre 2026 à 8 h 00.", night.QuerySelector("#closed-now").Text().Replace('\u00a0', ' '));
    }
}
