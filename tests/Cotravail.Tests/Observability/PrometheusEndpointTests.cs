using System.Net;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Observability;

/// <summary>
/// The metrics are served to Prometheus on <c>/metrics</c>, to this machine by default or to the addresses configured,
/// and to nobody else: anyone else, signed in or not, gets the site's « page introuvable ».
/// </summary>
public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task This_machine_reads_the_metrics_text_and_anyone_else_gets_404()
    {
        await using var app = await TestApp.StartAsync();
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" })).StatusCode);

        using var local = await ScrapeAsync(app, "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.StartsWith("text/plain", local.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await local.Content.ReadAsStringAsync();
        Assert.Contains("cotravail_bookings_total{", text, StringComparison.Ordinal);
        Assert.Contains("outcome=\"booked\"", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("cotravail_mail_outbox_size", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.MemberEmail, text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync(app, "::1")).StatusCode);

        // Someone else, directly, through this machine's reverse proxy, or without any address.
        using var outsider = await ScrapeAsync(app, "203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Contains("introuvable", await outsider.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cotravail_", await outsider.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(app, "127.0.0.1", forwardedFor: "203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(app, null)).StatusCode);
        // A signed-in manager is no one special here.
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_allowed_addresses_replace_this_machine()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["OpenTelemetry:Prometheus:AllowedAddresses"] = "10.0.0.0/24, 192.0.2.8",
        });
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync(app, "10.0.0.7")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync(app, "192.0.2.8")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ScrapeAsync(app, "::ffff:10.0.0.7")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(app, "192.0.2.9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(app, "127.0.0.1")).StatusCode);
    }

    [Fact]
    public async Task Turned_off_there_is_no_scrape_endpoint()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["OpenTelemetry:Prometheus:Enabled"] = "false" });
        Assert.Equal(HttpStatusCode.NotFound, (await ScrapeAsync(app, "127.0.0.1")).StatusCode);
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(TestApp app, string? from, string? forwardedFor = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/metrics", UriKind.Relative));
        if (from is not null)
        {
            request.Headers.Add(TestClientAddress.Header, from);
        }
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return await client.SendAsync(request);
    }
}
