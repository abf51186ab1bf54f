using System.Globalization;
using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Happenings;
using Cotravail.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using static Cotravail.Tests.Webhooks.WebhookWorld;

namespace Cotravail.Tests.Webhooks;

/// <summary>« Webhooks » of a network: add (secret shown once), test, disable, delete; bad input refused; another network's endpoints out of reach.</summary>
public sealed class WebhookPageTests
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<List<WebhookEndpoint>> EndpointsAsync(TestApp app) =>
        app.WithDbAsync(db => db.Set<WebhookEndpoint>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    /// <summary>403, or the redirect to « accès refusé ».</summary>
    private static void IsRefused(HttpResponseMessage answer, string what) =>
        Assert.True(answer.StatusCode is HttpStatusCode.Forbidden || answer.Headers.Location?.OriginalString.Contains("acces-refuse", StringComparison.Ordinal) == true,
            $"{what}: {answer.StatusCode} {answer.Headers.Location}");

    [Fact]
    public async Task A_manager_adds_an_endpoint_sees_its_secret_once_and_a_test_reaches_it_signed()
    {
        await using var w = await StartAsync();
        var manager = await w.ManagerAsync();
        Assert.NotNull((await manager.GetDocumentAsync($"/gestion/reseaux/{Id(w.NetworkId)}")).QuerySelector($"a[href='{Page(w.NetworkId)}']"));

        var added = await PostAsync(manager, w.NetworkId, null,
            [F("Input.Url", w.Receiver.Url("/compta")), F("Input.Description", "Comptabilité"), F("Input.Events", "InvoiceIssued"), F("Input.Events", "PaymentRecorded")]);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var page = await added.ParseAsync();
        var secret = page.QuerySelector("#new-secret code")!.TextContent;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var endpoint = Assert.Single(await EndpointsAsync(w.App));
        Assert.Equal((w.NetworkId, HappeningKind.InvoiceIssued | HappeningKind.PaymentRecorded, true, "Comptabilité"),
            (endpoint.NetworkId, endpoint.Events, endpoint.Enabled, endpoint.Description));
        Assert.DoesNotContain(secret, endpoint.SecretProtected, StringComparison.Ordinal);

        // Never shown again.
        var again = await manager.GetDocumentAsync(Page(w.NetworkId));
        Assert.Null(again.QuerySelector("#new-secret"));
        Assert.DoesNotContain(secret, again.Source.Text, StringComparison.Ordinal);
        Assert.Contains("Facture émise", again.QuerySelector($"#endpoint-{Id(endpoint.Id)}")!.TextContent, StringComparison.Ordinal);

        // « Envoyer un test »: a ping at once, signed with that secret; the notice gives the answer.
        IsRedirect(await manager.SubmitFormAsync(Page(w.NetworkId), new Dictionary<string, string>(), $"#test-{Id(endpoint.Id)}"));
        var ping = Assert.Single(w.Receiver.Requests);
        Assert.Equal(("/compta", "ping"), (ping.Path, ping.Type));
        Assert.True(w.Signed(ping, secret));
        var after = await manager.GetDocumentAsync(Page(w.NetworkId));
        Assert.Contains("répondu 200", after.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        // A test that fails says why, and is not tried again.
        w.Receiver.Answers.Enqueue(503);
        IsRedirect(await manager.SubmitFormAsync(Page(w.NetworkId), new Dictionary<string, string>(), $"#test-{Id(endpoint.Id)}"));
        Assert.Contains("HTTP 503", (await manager.GetDocumentAsync(Page(w.NetworkId))).QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        w.App.Clock.Advance(TimeSpan.FromHours(1));
        await w.DeliverAsync();
        Assert.Equal(2, w.Receiver.Requests.Count);

        // Deleted with its log.
        IsRedirect(await manager.SubmitFormAsync(Page(w.NetworkId), new Dictionary<string, string>(), $"#delete-{Id(endpoint.Id)}"));
        Assert.Empty(await EndpointsAsync(w.App));
        Assert.Equal(0, await w.App.WithDbAsync(db => db.Set<WebhookDelivery>().CountAsync()));
    }

    [Theory]
    [InlineData("pas une adresse", true, "adresse complète en https://")]
    [InlineData("ftp://outil.exemple.fr/hook", true, "adresse complète en https://")]
    [InlineData("http://outil.exemple.fr/hook", true, "adresse complète en https://")]
    [InlineData("https://utilisateur:motdepasse@outil.exemple.fr/hook", true, "adresse complète en https://")]
    [InlineData("", true, "Indiquez l'adresse du point d'envoi.")]
    [InlineData("https://outil.exemple.fr/hook", false, "Choisissez au moins un événement à envoyer.")]
    public async Task Bad_input_is_refused_with_a_french_message_and_nothing_is_saved(string url, bool withEvent, string message)
    {
        await using var w = await StartAsync();
        var manager = await w.ManagerAsync();
        var fields = new List<KeyValuePair<string, string>> { F("Input.Url", url) };
        if (withEvent)
        {
            fields.Add(F("Input.Events", "BookingMade"));
        }
        var refused = await PostAsync(manager, w.NetworkId, null, fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, (await refused.ParseAsync()).QuerySelector("form#webhook-add")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await EndpointsAsync(w.App));
    }

    [Fact]
    public async Task An_unknown_kind_of_event_is_refused()
    {
        await using var w = await StartAsync();
        var manager = await w.ManagerAsync();
        var refused = await PostAsync(manager, w.NetworkId, null, [F("Input.Url", "https://outil.exemple.fr/hook"), F("Input.Events", "Everything")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty(await EndpointsAsync(w.App));
    }

    [Fact]
    public async Task Another_network_s_manager_cannot_see_test_disable_or_delete_an_endpoint()
    {
        await using var w = await StartAsync();
        var (other, _, _) = await w.App.CreateOtherNetworkAsync();
        var (a, _) = await w.AddEndpointAsync(w.NetworkId, "/a");
        var managerB = await w.ManagerAsync("gestion@causse.test");

        IsRefused(await managerB.GetAsync(new Uri(Page(w.NetworkId), UriKind.Relative)), "GET");
        var own = await managerB.GetDocumentAsync(Page(other.Id));
        Assert.Null(own.QuerySelector($"#endpoint-{Id(a)}"));
        foreach (var handler in new[] { "Test", "Disable", "Delete" })
        {
            // Through their own network's page, with the other network's endpoint id: not found.
            var answer = await PostAsync(managerB, other.Id, handler, [F("id", Id(a))]);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            // Through the other network's page: forbidden.
            var forbidden = await PostAsync(managerB, w.NetworkId, handler, [F("id", Id(a))], tokenFrom: other.Id);
            IsRefused(forbidden, handler);
        }
        Assert.Empty(w.Receiver.Requests);
        var endpoint = Assert.Single(await EndpointsAsync(w.App));
        Assert.True(endpoint.Enabled);

        // A host or a member has no page at all.
        var host = w.App.Browser();
        await host.SignInAsync(TestApp.HostEmail);
        var hostAnswer = await host.GetAsync(new Uri(Page(w.NetworkId), UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, hostAnswer.StatusCode);
    }
}
