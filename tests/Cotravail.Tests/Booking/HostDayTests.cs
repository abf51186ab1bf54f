using System.Net;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Booking;

public sealed class HostDayTests
{
    [Fact]
    public async Task The_host_of_Luzech_sees_the_days_bookings_with_names_sorted_by_resource_then_time()
    {
        await using var app = await TestApp.StartAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        var room = await app.ResourceAsync("luzech", "Salle du Barrage");
        foreach (var (start, end) in new[] { ("14:00", "15:00"), ("10:00", "11:00") })
        {
            var confirmation = await member.VerifyAsync(room, new Dictionary<string, string> { ["Input.Date"] = "2026-12-03", ["Input.Start"] = start, ["Input.End"] = end });
            await member.PostFormAsync(confirmation, "form[action*='handler=Confirm']");
        }
        var other = app.Browser();
        await other.SignInAsync((await app.CreateUserAsync("paul@exemple.fr")).Email!);
        await app.BookDeskThroughPagesAsync(other, "2026-12-03", "apres-midi");

        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var page = await host.GetDocumentAsync("/accueil/luzech/reservations?date=2026-12-03");
        Assert.Contains("Réservations du jeudi 3 décembre 2026", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("Espace partagé après-midi, 13 h 00 – 22 h 00 Test paul paul@exemple.fr confirmée", rows[0]);
        Assert.Equal("Salle du Barrage 10 h 00 – 11 h 00 Sophie Martin membre@cotravail.test confirmée", rows[1]);
        Assert.Equal("Salle du Barrage 14 h 00 – 15 h 00 Sophie Martin membre@cotravail.test confirmée", rows[2]);
        Assert.NotNull(page.QuerySelector("a[href='/accueil/luzech/reservations?date=2026-12-02']"));
        Assert.NotNull(page.QuerySelector("a[href='/accueil/luzech/reservations?date=2026-12-04']"));
        Assert.NotNull(page.QuerySelector("form[method=get] input[type=date][name=date]"));

        var today = await host.GetDocumentAsync("/accueil/luzech/reservations");
        Assert.Contains("Aucune réservation ce jour-là.", today.Body.Text(), StringComparison.Ordinal);
        var wrong = await host.GetDocumentAsync("/accueil/luzech/reservations?date=2026-02-31");
        Assert.Contains("n'est pas une date valide", wrong.QuerySelector("[role=alert]").Text(), StringComparison.Ordinal);

        var week = await host.GetDocumentAsync("/espaces/luzech/disponibilites?du=2026-12-03");
        Assert.NotNull(week.QuerySelector("main a[href='/accueil/luzech/reservations']"));
        Assert.Null((await host.GetDocumentAsync("/espaces/puy-l-eveque/disponibilites")).QuerySelector("main a[href^='/accueil/']"));
        Assert.Null((await member.GetDocumentAsync("/espaces/luzech/disponibilites")).QuerySelector("main a[href^='/accueil/']"));

        var elsewhere = await host.GetAsync(new Uri("/accueil/puy-l-eveque/reservations?date=2026-12-03", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.StartsWith("/compte/acces-refuse", elsewhere.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_get_403_anonymous_visitors_are_sent_to_sign_in_and_managers_see_every_site_of_their_network()
    {
        await using var app = await TestApp.StartAsync();
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        await app.BookDeskThroughPagesAsync(member, "2026-12-03");

        var denied = await member.GetAsync(new Uri("/accueil/luzech/reservations?date=2026-12-03", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/compte/acces-refuse", denied.Location(), StringComparison.Ordinal);

        var anonymous = await app.Browser().GetAsync(new Uri("/accueil/luzech/reservations", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/compte/connexion", anonymous.Location(), StringComparison.Ordinal);

        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        Assert.Contains("Sophie Martin", (await manager.GetDocumentAsync("/accueil/luzech/reservations?date=2026-12-03")).Body.Text(), StringComparison.Ordinal);
        await manager.GetDocumentAsync("/accueil/puy-l-eveque/reservations");
        await manager.GetDocumentAsync("/accueil/nulle-part/reservations", HttpStatusCode.NotFound);

        var (_, _, otherManager) = await app.CreateOtherNetworkAsync();
        var outsider = app.Browser();
        await outsider.SignInAsync(otherManager.Email!);
        var refused = await outsider.GetAsync(new Uri("/accueil/luzech/reservations", UriKind.Relative));
        Assert.StartsWith("/compte/acces-refuse", refused.Location(), StringComparison.Ordinal);
    }
}
