using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Audit;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Security;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed from the configured proxies only (this machine when none is
/// configured), and a forwarded scheme other than http or https never. The test server's client address is the one
/// named by <see cref="TestClientAddress.Header"/>.
/// </summary>
public sealed class ForwardedHeadersTests(SharedApps apps) : IClassFixture<SharedApps>
{
    private static HttpClient From(TestApp app, string ip, string? forwardedFor = null, string? forwardedProto = null, bool api = false)
    {
        var client = api ? app.CreateClient() : app.Browser();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, ip);
        if (forwardedFor is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
        if (forwardedProto is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        }
        return client;
    }

    /// <summary>A host records a payment through the API from the given client; the payment's audit entry tells the address stored.</summary>
    private static async Task<string?> AddressAuditedForAPaymentAsync(TestApp app, string ip, string? forwardedFor)
    {
        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());
        Invoice invoice;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            invoice = await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(network,
                new ClientIdentity(null, "Sophie Martin", null, TestApp.MemberEmail), [new LineRequest("Passes", 1, 3800, 2000)], CancellationToken.None);
        }
        var token = (await app.ApiClientAsync(TestApp.HostEmail)).DefaultRequestHeaders.Authorization;
        var host = From(app, ip, forwardedFor, api: true);
        host.DefaultRequestHeaders.Authorization = token;
        var site = (await app.SiteAsync("luzech")).Id;
        var paid = await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice.Id, method = "cash", amountCents = 1500, siteId = site });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        return await app.WithDbAsync(db => db.Set<AuditEntry>()
            .Where(e => e.EntityType == "Payment" && e.Action == AuditAction.Created).OrderByDescending(e => e.Id).Select(e => e.Ip).FirstAsync());
    }

    /// <summary>The reset link of the last mail to the member, asked for through the API's forgotPassword.</summary>
    private static async Task<string> ResetLinkAsync(TestApp app, HttpClient client)
    {
        var asked = await client.PostJsonAsync("/api/v1/auth/forgotPassword", new { email = TestApp.MemberEmail });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var text = app.LastMailTo(TestApp.MemberEmail).TextBody ?? "";
        Assert.DoesNotContain("javascript", text, StringComparison.OrdinalIgnoreCase);
        return text.Split('\n').Select(l => l.Trim()).First(l => l.Contains("/compte/reinitialiser?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_past_its_login_limit_stays_refused_when_it_makes_up_a_forwarded_address()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:login:PermitLimit"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, (await From(app, "203.0.113.60").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await From(app, "203.0.113.60").LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword)).StatusCode);

        foreach (var forged in new[] { "198.51.100.99", "198.51.100.98, 192.0.2.1", "2001:db8::99" })
        {
            var refused = await From(app, "203.0.113.60", forwardedFor: forged).LogInAsync(TestApp.MemberEmail, TestApp.DemoPassword);
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_audit_log_stores_the_connection_s_address_not_one_a_client_wrote(string provider)
    {
        var app = await apps.GetAsync(provider);
        Assert.Equal("203.0.113.61", await AddressAuditedForAPaymentAsync(app, "203.0.113.61", "198.51.100.66"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_proxy_on_this_machine_is_believed_and_no_one_else()
    {
        var app = await apps.GetAsync();
        Assert.Equal("198.51.100.67", await AddressAuditedForAPaymentAsync(app, "127.0.0.1", "198.51.100.67"));
        Assert.Equal("198.51.100.68", await AddressAuditedForAPaymentAsync(app, "::1", "198.51.100.68"));
        Assert.Equal("10.0.0.1", await AddressAuditedForAPaymentAsync(app, "10.0.0.1", "198.51.100.69"));
    }

    [Fact]
    public async Task A_configured_proxy_or_network_is_believed_and_this_machine_no_longer_is()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Security:KnownProxies:0"] = "10.0.0.1",
            ["Security:KnownNetworks:0"] = "10.8.0.0/16",
        });
        Assert.Equal("198.51.100.70", await AddressAuditedForAPaymentAsync(app, "10.0.0.1", "198.51.100.70"));
        Assert.Equal("198.51.100.71", await AddressAuditedForAPaymentAsync(app, "10.8.4.2", "198.51.100.71"));
        Assert.Equal("127.0.0.1", await AddressAuditedForAPaymentAsync(app, "127.0.0.1", "198.51.100.72"));
        Assert.Equal("10.9.0.1", await AddressAuditedForAPaymentAsync(app, "10.9.0.1", "198.51.100.73"));
    }

    [Fact]
    public async Task A_forwarded_scheme_other_than_http_or_https_never_reaches_a_link_in_a_reset_mail()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Security:KnownProxies:0"] = "10.0.0.1" });

        // From anyone, and even from the trusted proxy, « javascript » is not believed.
        foreach (var ip in new[] { "203.0.113.62", "10.0.0.1" })
        {
            foreach (var scheme in new[] { "javascript", "JAVASCRIPT", "data", "https, javascript" })
            {
                var link = await ResetLinkAsync(app, From(app, ip, forwardedFor: "198.51.100.74", forwardedProto: scheme, api: true));
                Assert.StartsWith("http://localhost/compte/reinitialiser?", link, StringComparison.Ordinal);
            }
        }
        // The trusted proxy's https is believed; a stranger's is not.
        Assert.StartsWith("https://localhost/compte/reinitialiser?",
            await ResetLinkAsync(app, From(app, "10.0.0.1", forwardedFor: "198.51.100.74", forwardedProto: "https", api: true)), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/compte/reinitialiser?",
            await ResetLinkAsync(app, From(app, "203.0.113.62", forwardedFor: "198.51.100.74", forwardedProto: "https", api: true)), StringComparison.Ordinal);
    }
}
