using System.Net;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Booking;

/// <summary>
/// The public availability is the same for everyone: a signed-in program shares the cached answer with visitors, and
/// a booking drops it at once, so the member who booked sees their place taken on their next read.
/// </summary>
public sealed class AvailabilityCacheTests
{
    private static async Task<int> BookedAsync(HttpResponseMessage response, int desks)
    {
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return json.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("resourceId").GetInt32() == desks)
            .GetProperty("days")[0].GetProperty("booked").GetInt32();
    }

    [Fact]
    public async Task A_signed_in_member_reads_the_shared_answer_and_sees_their_booking_at_once()
    {
        await using var app = await TestApp.StartAsync();
        var site = await app.SiteAsync("luzech");
        var desks = site.Resources.Single(r => r.Name == "Espace partagé").Id;
        var url = $"/api/v1/sites/{site.Id}/availability?from=2026-12-03&to=2026-12-03";
        var member = await app.ApiClientAsync(TestApp.MemberEmail);

        var visitor = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        var signedIn = await member.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Null(visitor.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.NotNull(signedIn.Headers.Age); // served from the answer the visitor's request stored
        Assert.Equal(0, await BookedAsync(signedIn, desks));

        var booked = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var after = await member.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Null(after.Headers.Age);
        Assert.Equal(1, await BookedAsync(after, desks));
    }

    [Fact]
    public async Task Only_a_successful_answer_is_kept()
    {
        await using var app = await TestApp.StartAsync();
        var site = await app.SiteAsync("luzech");
        var bad = $"/api/v1/sites/{site.Id}/availability?from=2026-13-40";
        var client = app.CreateClient();

        var first = await client.GetAsync(new Uri(bad, UriKind.Relative));
        var second = await client.GetAsync(new Uri(bad, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }
}
