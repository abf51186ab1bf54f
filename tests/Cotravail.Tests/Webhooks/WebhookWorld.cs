using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Happenings;
using Cotravail.Web.Common.Signing;
using Cotravail.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Webhooks;

/// <summary>
/// The app (its dispatcher run by the tests, http on loopback allowed, 1 second to answer, 3 tries) and a receiver, with
/// helpers to add an endpoint, send what is due and read the deliveries.
/// </summary>
internal sealed class WebhookWorld : IAsyncDisposable
{
    public const int MaxAttempts = 3;

    public required TestApp App { get; init; }
    public required WebhookReceiver Receiver { get; init; }
    public required int NetworkId { get; init; }

    public static async Task<WebhookWorld> StartAsync(string provider = "Sqlite")
    {
        var receiver = await WebhookReceiver.StartAsync();
        var app = await TestApp.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Webhooks:AllowHttpOnLoopback"] = "true",
            ["Webhooks:TimeoutSeconds"] = "1",
            ["Webhooks:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Webhooks:Dispatch"] = "false",
        });
        var network = (await app.SiteAsync("luzech")).NetworkId;
        return new WebhookWorld { App = app, Receiver = receiver, NetworkId = network };
    }

    /// <summary>An endpoint of <paramref name="networkId"/> at the receiver's <paramref name="path"/>; its id and secret.</summary>
    public async Task<(int Id, string Secret)> AddEndpointAsync(int networkId, string path = "/hooks", HappeningKind events = (HappeningKind)63, bool enabled = true)
    {
        var secret = WebhookSecrets.NewSecret();
        var id = 0;
        await App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Cotravail.Web.Data.AppDbContext>();
            var endpoint = new WebhookEndpoint
            {
                NetworkId = networkId, Url = Receiver.Url(path), Events = events, Enabled = enabled,
                SecretProtected = sp.GetRequiredService<WebhookSecrets>().Protect(secret), CreatedByUserId = "test",
            };
            db.Add(endpoint);
            await db.SaveChangesAsync();
            id = endpoint.Id;
        });
        return (id, secret);
    }

    /// <summary>Sends what is due now, as the background dispatcher does.</summary>
    public Task<int> DeliverAsync() =>
        App.Services.GetRequiredService<WebhookDispatcher>().DeliverDueAsync(CancellationToken.None);

    public Task<List<WebhookDelivery>> DeliveriesAsync(int endpointId) =>
        App.WithDbAsync(db => db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.EndpointId == endpointId).OrderBy(d => d.Id).ToListAsync());

    /// <summary>The request's signature holds for <paramref name="secret"/> at the app's time.</summary>
    public bool Signed(Received r, string secret) => WebhookSignature.Verify(secret, r.Signature, r.Body, App.Clock.GetUtcNow());

    public async Task<HttpClient> ManagerAsync(string email = TestApp.ManagerEmail)
    {
        var browser = App.Browser();
        await browser.SignInAsync(email);
        return browser;
    }

    public static string Page(int networkId) => Cotravail.Web.Features.Webhooks.Manage.IndexModel.Link(networkId);

    /// <summary>Posts <paramref name="fields"/> (names may repeat) to the page of <paramref name="networkId"/>, with the token of the manager's own page <paramref name="tokenFrom"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient manager, int networkId, string? handler, IEnumerable<KeyValuePair<string, string>> fields, int? tokenFrom = null)
    {
        var page = await manager.GetDocumentAsync(Page(tokenFrom ?? networkId));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var url = Page(networkId) + (handler is null ? "" : "&handler=" + handler);
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await manager.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    public static void IsRedirect(HttpResponseMessage r) =>
        Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, r.StatusCode.ToString());
}
