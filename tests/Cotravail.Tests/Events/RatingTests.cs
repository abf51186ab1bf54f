using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Events.Ratings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Events;

public sealed class RatingTests
{
    private static readonly Dictionary<string, string?> NoWorker = new() { ["Events:Reminders"] = "false" };

    private static async Task<int> InviteAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RatingInvites>().SendDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Participants_are_invited_once_to_rate_an_event_and_the_organiser_sees_the_results()
    {
        await using var app = await TestApp.StartAsync(settings: NoWorker);
        var id = await app.CreateEventAsync(capacity: 3);
        var members = await app.NewMembersAsync(3);
        foreach (var m in members)
        {
            await m.PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        }
        var absent = (await app.RegistrationsAsync(id))[2].Id;
        await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.Id == absent).ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, false)));

        Assert.Equal(0, await InviteAsync(app)); // before the event
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 20, 0, 0, TimeSpan.Zero)); // it ended at 20:00 Paris (19:00 UTC)
        Assert.Equal(2, await InviteAsync(app)); // not the person marked absent
        Assert.Equal(0, await InviteAsync(app)); // once

        var invite = app.Mails().Last(m => (m.Subject ?? "").StartsWith("Votre avis", StringComparison.Ordinal));
        var link = EventSteps.LinkTo(invite, "/agenda/avis");
        var visitor = app.Browser();
        var missing = await (await visitor.SubmitFormAsync(link, new Dictionary<string, string> { ["Comment"] = "Très bien" })).ParseAsync();
        Assert.Equal("Choisissez une note de 1 à 5.", missing.QuerySelector("#Score-error").Text());
        var done = await (await visitor.SubmitFormAsync(link, new Dictionary<string, string> { ["Score"] = "4", ["Comment"] = "Très utile, merci !" })).ParseAsync();
        Assert.Contains("Votre avis sur « Atelier numérique » est enregistré", done.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.EventRatings.CountAsync()));

        await visitor.GetDocumentAsync("/agenda/avis?jeton=faux", HttpStatusCode.BadRequest);

        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var results = await host.GetDocumentAsync($"/animation/{id}/avis");
        Assert.Contains("1 avis, note moyenne 4,0 sur 5.", results.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Contains("Très utile, merci !", results.QuerySelector("main").Text(), StringComparison.Ordinal);
    }
}
