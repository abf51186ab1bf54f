using System.Net;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Events;

/// <summary>Strange input gets a clear answer, never a 500.</summary>
public sealed class OddInputTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [InlineData("/api/v1/events?month=9999-12")]
    [InlineData("/api/v1/events?to=9999-12-31")]
    [InlineData("/api/v1/events?from=0001-01-01")]
    [InlineData("/api/v1/events?from=2026-12-10&to=2026-12-01")]
    public async Task Dates_out_of_the_calendar_are_refused_as_a_problem(string url)
    {
        var app = await apps.GetAsync();
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_month_far_away_on_the_agenda_page_gets_a_message()
    {
        var app = await apps.GetAsync();
        var page = await app.Browser().GetDocumentAsync("/agenda?mois=9999-12");
        Assert.Equal("Le mois doit s'écrire AAAA-MM, par exemple 2026-12.", page.QuerySelector("#mois-error").Text());
    }

    [Fact]
    public async Task A_host_typing_the_year_9999_gets_a_message_next_to_the_date()
    {
        var app = await apps.GetAsync();
        var host = app.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var page = await (await host.SubmitFormAsync("/animation/nouveau", new Dictionary<string, string>
        {
            ["Input.SiteId"] = $"{(await app.SiteAsync("luzech")).Id}", ["Input.Kind"] = "Talk", ["Input.Title"] = "Conférence",
            ["Input.Date"] = "9999-12-31", ["Input.StartTime"] = "18:00", ["Input.EndTime"] = "20:00", ["Input.Capacity"] = "10",
            ["Input.OrganiserName"] = "CCI", ["Input.Repeat"] = "MonthlyByWeekday", ["Input.Occurrences"] = "3",
        })).ParseAsync();

        Assert.Equal("La date doit être comprise entre 2000 et 2100.", page.QuerySelector("#Input_Date-error").Text());
    }

    [Fact]
    public async Task Registering_to_an_unknown_event_answers_404()
    {
        var app = await apps.GetAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await member.PostJsonAsync("/api/v1/events/4242/registrations", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.DeleteAsync(new Uri("/api/v1/registrations/4242", UriKind.Relative))).StatusCode);
    }
}
