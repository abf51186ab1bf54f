using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;

namespace Cotravail.Tests.Events;

public sealed class EventsApiTests
{
    [Fact]
    public async Task Anonymous_programs_see_public_events_and_members_see_theirs_too()
    {
        await using var app = await TestApp.StartAsync();
        await app.CreateEventAsync(title: "Atelier numérique", kind: EventKind.Workshop);
        await app.CreateEventAsync(title: "Apéro des membres", kind: EventKind.Social, audience: EventAudience.Members);

        var anonymous = await (await app.CreateClient().GetAsync(new Uri("/api/v1/events", UriKind.Relative))).JsonAsync();
        var member = await (await (await app.ApiClientAsync(TestApp.MemberEmail)).GetAsync(new Uri("/api/v1/events", UriKind.Relative))).JsonAsync();
        var social = await (await app.CreateClient().GetAsync(new Uri("/api/v1/events?site=luzech&kind=social&month=2026-12", UriKind.Relative))).JsonAsync();

        var only = Assert.Single(anonymous.EnumerateArray());
        Assert.Equal("Atelier numérique", only.GetProperty("title").GetString());
        Assert.Equal("2026-12-10T18:00", only.GetProperty("start").GetString());
        Assert.Equal(5, only.GetProperty("remaining").GetInt32());
        Assert.Equal(2, member.GetArrayLength());
        Assert.Equal(0, social.GetArrayLength());
    }

    [Fact]
    public async Task Wrong_filters_answer_a_problem_naming_each_field()
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/events?kind=concert&month=12-2026&site=nulle-part", UriKind.Relative));
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("month", out _));
        Assert.True(errors.TryGetProperty("site", out _));
    }

    [Fact]
    public async Task A_member_registers_and_cancels_through_the_api()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(capacity: 1);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);

        var created = await member.PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        var again = await member.PostJsonAsync($"/api/v1/events/{id}/registrations", new { });
        var registration = await created.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("registered", registration.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Cette adresse e-mail est déjà inscrite à cet événement.", (await again.JsonAsync()).GetProperty("title").GetString());

        var regId = registration.GetProperty("id").GetInt32();
        var stranger = (await app.NewMembersAsync(1))[0];
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync(new Uri($"/api/v1/registrations/{regId}", UriKind.Relative))).StatusCode);
        var cancelled = await member.DeleteAsync(new Uri($"/api/v1/registrations/{regId}", UriKind.Relative));
        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(0, (await app.EventAsync(id)).Registered);
    }

    [Fact]
    public async Task Registering_for_a_past_event_is_refused_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var id = await app.CreateEventAsync(startUtc: new DateTime(2026, 11, 20, 17, 0, 0, DateTimeKind.Utc));
        var response = await (await app.ApiClientAsync(TestApp.MemberEmail)).PostJsonAsync($"/api/v1/events/{id}/registrations", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Cet événement est passé : les inscriptions sont closes.", (await response.JsonAsync()).GetProperty("title").GetString());
        Assert.Empty(await app.RegistrationsAsync(id));
    }
}
