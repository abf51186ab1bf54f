using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Reception;

public sealed class WalkInAndSelfCheckInTests
{
    [Fact]
    public async Task A_walk_in_gets_a_desk_and_a_paid_day_pass_once_and_needs_a_postcode()
    {
        await using var app = await ReceptionSteps.StartAsync();
        app.AtParis(10);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var noPostcode = await (await host.SubmitFormAsync("/accueil/luzech/venue", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Paul", ["Input.LastName"] = "Bru", ["Input.Method"] = "Cash",
        }, "main form[method=post]")).ParseAsync();
        Assert.True(noPostcode.QuerySelector("#Input_Postcode-error") is not null, noPostcode.QuerySelector("main")?.InnerHtml);
        Assert.Equal("Indiquez le code postal de résidence (5 chiffres).", noPostcode.QuerySelector("#Input_Postcode-error").Text());
        Assert.Equal(0, await app.WithDbAsync(db => db.Visits.CountAsync()));

        var form = await host.GetDocumentAsync("/accueil/luzech/venue");
        var token = form.QuerySelector("input[name='Input.Token']")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["Input.Token"] = token, ["Input.FirstName"] = "Paul", ["Input.LastName"] = "Bru", ["Input.Postcode"] = "46220", ["Input.CommuneInsee"] = "46225", ["Input.Method"] = "Cash",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync("/accueil/luzech/venue", fields, "main form[method=post]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await host.SubmitFormAsync("/accueil/luzech/venue", fields, "main form[method=post]")).StatusCode); // sent twice

        var visit = await app.WithDbAsync(db => db.Visits.SingleAsync());
        Assert.Equal(VisitKind.WalkIn, visit.Kind);
        Assert.Equal(("46220", "46225"), (visit.Postcode, visit.CommuneInsee)); // Prayssac
        var invoice = await app.WithDbAsync(db => db.Invoices.SingleAsync());
        Assert.Equal(1500, invoice.TotalInclTaxCents);
        Assert.Equal(1500, await app.WithDbAsync(db => db.Payments.SumAsync(p => p.AmountCents)));
        var today = await host.GetDocumentAsync("/accueil/luzech");
        Assert.Contains("Paul Bru", today.QuerySelector("#present-list").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_with_a_booking_checks_in_with_the_day_code_but_not_with_yesterdays()
    {
        await using var app = await ReceptionSteps.StartAsync();
        var luzech = await app.SiteIdAsync("luzech");
        string yesterday, today;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var codes = scope.ServiceProvider.GetRequiredService<ArrivalCodes>();
            yesterday = await codes.CodeAsync(luzech, new DateOnly(2026, 11, 30), CancellationToken.None);
            today = await codes.CodeAsync(luzech, new DateOnly(2026, 12, 1), CancellationToken.None);
        }
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);

        var old = await member.GetDocumentAsync($"/espaces/luzech/arrivee?code={yesterday}", HttpStatusCode.OK);
        Assert.Null(old.QuerySelector("main form button.primary"));

        var noBooking = await (await member.SubmitFormAsync($"/espaces/luzech/arrivee?code={today}", new Dictionary<string, string>())).ParseAsync();
        Assert.Contains("Vous n'avez pas de réservation aujourd'hui ici", noBooking.QuerySelector("main").Text(), StringComparison.Ordinal);

        await app.BookDeskTodayAsync(await app.ApiClientAsync(TestApp.MemberEmail));
        app.AtParis(9);
        var arrived = await (await member.SubmitFormAsync($"/espaces/luzech/arrivee?code={today}", new Dictionary<string, string>())).ParseAsync();
        Assert.Contains("Votre arrivée à Tiers-lieu de Luzech est enregistrée", arrived.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(VisitKind.Booked, (await app.WithDbAsync(db => db.Visits.SingleAsync())).Kind);
    }
}
