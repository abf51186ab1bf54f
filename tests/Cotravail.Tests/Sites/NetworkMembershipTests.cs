using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Events;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Profile = Cotravail.Web.Features.Entrepreneurs.Profile;
using Visibility = Cotravail.Web.Features.Entrepreneurs.Visibility;

namespace Cotravail.Tests.Sites;

/// <summary>
/// Members-only events and members' profiles of a network are shown to the people who belong to it (they booked,
/// bought, registered or were welcomed there), not to the members of another network of the same deployment.
/// </summary>
public sealed class NetworkMembershipTests
{
    private const string Secret = "Apéro des membres de la vallée";

    /// <summary>A second network whose site is open every day, and a member who booked a desk there.</summary>
    private static async Task<(Site Lalbenque, HttpClient Member, string MemberId)> SecondNetworkMemberAsync(TestApp app)
    {
        var (_, lalbenque, _) = await app.CreateOtherNetworkAsync();
        await app.WithDbAsync(async db =>
        {
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                db.OpeningHours.Add(new OpeningHours { SiteId = lalbenque.Id, Day = day, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(19, 0) });
            }
            return await db.SaveChangesAsync();
        });
        var user = await app.CreateUserAsync("paul@causse.test");
        var member = await app.ApiClientAsync(user.Email!);
        var desks = lalbenque.Resources.Single().Id;
        var booked = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.True(booked.StatusCode == HttpStatusCode.Created, await booked.Content.ReadAsStringAsync());
        return (lalbenque, member, user.Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_members_only_event_shows_to_the_members_of_its_network_and_to_no_one_else(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var secret = await app.CreateEventAsync("luzech", title: Secret, audience: EventAudience.Members);
        var (_, paul, paulId) = await SecondNetworkMemberAsync(app);
        var causse = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == "causse").Select(n => n.Id).SingleAsync());
        Assert.True(await app.WithDbAsync(db => db.Set<NetworkMember>().AnyAsync(m => m.UserId == paulId && m.NetworkId == causse)));

        // Paul belongs to the Causse only: the valley's members-only event is not there for him, anywhere.
        Assert.DoesNotContain(Secret, await paul.GetStringAsync(new Uri("/api/v1/events", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await paul.GetAsync(new Uri($"/api/v1/events/{secret}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await paul.PostAsync(new Uri($"/api/v1/events/{secret}/registrations", UriKind.Relative), null)).StatusCode);
        var paulPages = app.Browser();
        await paulPages.SignInAsync("paul@causse.test");
        Assert.DoesNotContain(Secret, await paulPages.GetStringAsync(new Uri("/agenda", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await paulPages.GetAsync(new Uri($"/agenda/{secret}", UriKind.Relative))).StatusCode);

        // The valley's member sees it.
        var sophie = await app.ApiClientAsync(TestApp.MemberEmail);
        Assert.Contains(Secret, await sophie.GetStringAsync(new Uri("/api/v1/events", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync(new Uri($"/api/v1/events/{secret}", UriKind.Relative))).StatusCode);

        // Once Paul has booked a desk at Luzech, he belongs to the valley too.
        var luzechDesks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Kind == ResourceKind.DeskPool).Select(r => r.Id).FirstAsync());
        var booked = await paul.PostJsonAsync("/api/v1/bookings", new { resourceId = luzechDesks, date = "2026-12-04", period = "morning" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await paul.GetAsync(new Uri($"/api/v1/events/{secret}", UriKind.Relative))).StatusCode);
        Assert.Contains(Secret, await paulPages.GetStringAsync(new Uri("/agenda", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_members_profile_shows_to_the_members_of_its_owner_s_networks_only(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        // A demo entrepreneur of the valley whose profile is for members.
        var (profileId, name) = await app.WithDbAsync(async db =>
        {
            var p = await db.Set<Profile>().Where(p => p.Visibility == Visibility.Members && p.OwnerUserId != null).OrderBy(p => p.Id).FirstAsync();
            return (p.Id, p.Name);
        });
        var (_, paul, _) = await SecondNetworkMemberAsync(app);
        var paulPages = app.Browser();
        await paulPages.SignInAsync("paul@causse.test");

        Assert.DoesNotContain(name, await paul.GetStringAsync(new Uri("/api/v1/directory", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await paul.GetStringAsync(new Uri("/annuaire/export.csv", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await paulPages.GetStringAsync(new Uri("/annuaire", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await paulPages.GetAsync(new Uri($"/annuaire/{profileId}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await paulPages.GetAsync(new Uri($"/messages/nouveau?fiche={profileId}", UriKind.Relative))).StatusCode);

        var sophie = app.Browser();
        await sophie.SignInAsync(TestApp.MemberEmail);
        Assert.Equal(HttpStatusCode.OK, (await sophie.GetAsync(new Uri($"/annuaire/{profileId}", UriKind.Relative))).StatusCode);
        Assert.Contains(name, await sophie.GetStringAsync(new Uri("/annuaire", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_single_network_every_account_is_its_member()
    {
        await using var app = await TestApp.StartAsync();
        var secret = await app.CreateEventAsync("luzech", title: Secret, audience: EventAudience.Members);
        await app.CreateUserAsync("nouvelle@exemple.fr");
        var newcomer = await app.ApiClientAsync("nouvelle@exemple.fr");
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync(new Uri($"/api/v1/events/{secret}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(new Uri($"/api/v1/events/{secret}", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Earlier_bookings_visits_purchases_and_registrations_make_their_people_members(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (network, lalbenque, _) = await app.CreateOtherNetworkAsync();
        var booker = await app.CreateUserAsync("booker@causse.test");
        var registered = await app.CreateUserAsync("inscrite@causse.test");
        var eventId = await app.CreateEventAsync("lalbenque", title: "Atelier du Causse");
        var at = new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc);
        await app.WithDbAsync(async db =>
        {
            // Written as the previous version did, without a member row.
            db.Set<NetworkMember>().RemoveRange(await db.Set<NetworkMember>().ToListAsync());
            db.Bookings.Add(new Cotravail.Web.Features.Booking.Booking
            {
                SiteId = lalbenque.Id, ResourceId = lalbenque.Resources.Single().Id, UserId = booker.Id, Date = new DateOnly(2026, 11, 3),
                LocalStart = new TimeOnly(9, 0), LocalEnd = new TimeOnly(18, 0), StartUtc = at, EndUtc = at.AddHours(9),
                Status = Cotravail.Web.Features.Booking.BookingStatus.Confirmed, CreatedAtUtc = at.AddDays(-2),
            });
            db.EventRegistrations.Add(new Registration
            {
                EventId = eventId, UserId = registered.Id, Name = "Inscrite", Email = "inscrite@causse.test", Status = RegistrationStatus.Confirmed, CreatedAtUtc = at,
            });
            return await db.SaveChangesAsync();
        });
        await app.WithDbAsync(async db =>
        {
            foreach (var statement in NetworkMembersBackfill.Statements)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
            // Twice changes nothing.
            foreach (var statement in NetworkMembersBackfill.Statements)
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
            return 0;
        });
        var rows = await app.WithDbAsync(db => db.Set<NetworkMember>().AsNoTracking().OrderBy(m => m.SinceUtc).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(network.Id, r.NetworkId));
        Assert.Equal(booker.Id, rows[0].UserId);
        Assert.Equal(at.AddDays(-2), rows[0].SinceUtc);
        Assert.Equal(registered.Id, rows[1].UserId);
    }
}
