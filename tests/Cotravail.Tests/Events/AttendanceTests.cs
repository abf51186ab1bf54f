using System.Net;
using System.Text;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Events;

public sealed class AttendanceTests
{
    [Fact]
    public async Task The_host_takes_attendance_and_downloads_the_list_as_csv()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 2);
        await (await app.ApiClientAsync(TestApp.MemberEmail)).PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        foreach (var m in await app.NewMembersAsync(2))
        {
            await m.PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        }
        var people = await app.RegistrationsAsync(id);
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        var before = await host.GetDocumentAsync($"/animation/{id}/participants");
        Assert.Contains("La feuille de présence s'ouvre au début de l'événement.", before.QuerySelector("main").Text(), StringComparison.Ordinal);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 17, 30, 0, TimeSpan.Zero));
        var saved = await host.SubmitFormAsync($"/animation/{id}/participants", new Dictionary<string, string>
        {
            [$"Presence[{people[0].Id}]"] = "present", [$"Presence[{people[1].Id}]"] = "absent",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await host.GetDocumentAsync($"/animation/{id}/participants");
        Assert.Equal("Les présences sont enregistrées : 1 présent, 1 absent.", page.QuerySelector(".notice").Text());
        Assert.Equal("on", page.QuerySelector($"#present-{people[0].Id}")!.HasAttribute("checked") ? "on" : "off");
        Assert.Single(page.QuerySelectorAll("#attente tbody tr"));

        var csvResponse = await host.GetAsync(new Uri($"/animation/{id}/participants.csv", UriKind.Relative));
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("Nom;E-mail;Code postal;Membre;Statut", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("Sophie Martin;membre@cotravail.test;46140;oui;inscrit;", StringComparison.Ordinal) && l.EndsWith(";présent", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";liste d'attente;1;", StringComparison.Ordinal));
        // Registration times in Paris time with their offset, not UTC.
        Assert.Contains("Inscrit le (heure locale)", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Matches(@";\d{4}-\d{2}-\d{2} \d{2}:\d{2} \+01:00;", l));
        var registered = await app.WithDbAsync(db => db.EventRegistrations.Where(r => r.EventId == id).Select(r => r.CreatedAtUtc).FirstAsync());
        Assert.Contains(lines, l => l.Contains(registered.AddHours(1).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " +01:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_of_another_site_cannot_read_the_attendee_list()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(site: "puy-l-eveque");
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);

        foreach (var url in new[] { $"/animation/{id}/participants", $"/animation/{id}/participants.csv" })
        {
            var denied = await host.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Contains("/compte/acces-refuse", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }
}
