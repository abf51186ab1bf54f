using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Happenings;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Web.Features.Webhooks.Manage;

/// <summary>An endpoint of the network with its latest deliveries (the delivery log).</summary>
public sealed record EndpointView(WebhookEndpoint Endpoint, IReadOnlyList<WebhookDelivery> Deliveries);

/// <summary>
/// « Webhooks » of a network (<c>?reseau=ID</c>, managers of that network only): add an endpoint (its secret shown once),
/// send it a test, disable, enable or delete it, and read what was sent to it.
/// </summary>
public sealed class IndexModel(AppDbContext db, WebhookSecrets secrets, WebhookDispatcher dispatcher, IOptions<WebhookOptions> options, TimeProvider clock)
    : LocalizedPage
{
    public const int LogSize = 20;

    [BindProperty]
    public WebhookInput Input { get; set; } = new();

    public Network Network { get; private set; } = null!;
    public IReadOnlyList<Network> Managed { get; private set; } = [];
    public IReadOnlyList<EndpointView> Endpoints { get; private set; } = [];

    /// <summary>The secret of the endpoint just created, shown this once.</summary>
    public string? NewSecret { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public static string Link(int networkId) => string.Create(CultureInfo.InvariantCulture, $"/gestion/reseau/webhooks?reseau={networkId}");

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "reseau")] int? networkId, CancellationToken ct) =>
        await LoadAsync(networkId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync([FromQuery(Name = "reseau")] int? networkId, CancellationToken ct)
    {
        if (await LoadAsync(networkId, ct) is { } denied)
        {
            return denied;
        }
        var url = WebhookInput.Usable(Input.Url, options.Value.AllowHttpOnLoopback);
        if (!string.IsNullOrWhiteSpace(Input.Url) && url is null)
        {
            ModelState.AddModelError("Input.Url", T["Indiquez une adresse complète en https://, par exemple https://outil.exemple.fr/cotravail."]);
        }
        var events = Input.Chosen();
        if (events == HappeningKind.None)
        {
            ModelState.AddModelError("Input.Events", T["Choisissez au moins un événement à envoyer."]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var secret = WebhookSecrets.NewSecret();
        db.Set<WebhookEndpoint>().Add(new WebhookEndpoint
        {
            NetworkId = Network.Id, Url = url!.AbsoluteUri, Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim(),
            Events = events, Enabled = true, SecretProtected = secrets.Protect(secret),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedByUserId = CurrentUser.RequiredId,
        });
        await db.SaveChangesAsync(ct);
        ModelState.Clear();
        Input = new WebhookInput();
        NewSecret = secret;
        await LoadAsync(Network.Id, ct);
        return Page();
    }

    /// <summary>Sends a « ping » at once and says what the endpoint answered.</summary>
    public async Task<IActionResult> OnPostTestAsync([FromQuery(Name = "reseau")] int? networkId, int id, CancellationToken ct)
    {
        if (await EndpointAsync(networkId, id, ct) is not { } endpoint)
        {
            return Result;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var ping = new WebhookDelivery
        {
            EndpointId = endpoint.Id, EventId = Guid.NewGuid().ToString(), Type = "ping", CreatedAtUtc = now, DueAtUtc = now,
            Data = System.Text.Json.JsonSerializer.Serialize(new { message = "Test depuis Cotravail", endpointId = endpoint.Id }),
        };
        db.Set<WebhookDelivery>().Add(ping);
        await db.SaveChangesAsync(ct);
        var result = await dispatcher.DeliverOnceAsync(ping.Id, ct);
        Notice = result switch
        {
            { Delivered: true } r => T["Test envoyé : le point d'envoi a répondu {0}.", r.StatusCode!.Value],
            { } r => T["Test non reçu : {0}.", r.Error ?? ""],
            null => T["Test en cours d'envoi."],
        };
        return Redirect(Link(Network.Id));
    }

    public Task<IActionResult> OnPostDisableAsync([FromQuery(Name = "reseau")] int? networkId, int id, CancellationToken ct) =>
        SetEnabledAsync(networkId, id, false, ct);

    public Task<IActionResult> OnPostEnableAsync([FromQuery(Name = "reseau")] int? networkId, int id, CancellationToken ct) =>
        SetEnabledAsync(networkId, id, true, ct);

    public async Task<IActionResult> OnPostDeleteAsync([FromQuery(Name = "reseau")] int? networkId, int id, CancellationToken ct)
    {
        if (await EndpointAsync(networkId, id, ct) is not { } endpoint)
        {
            return Result;
        }
        await db.Set<WebhookEndpoint>().Where(e => e.Id == endpoint.Id && e.NetworkId == Network.Id).ExecuteDeleteAsync(ct);
        Notice = T["Le point d'envoi {0} est supprimé, avec son journal.", endpoint.Url];
        return Redirect(Link(Network.Id));
    }

    private async Task<IActionResult> SetEnabledAsync(int? networkId, int id, bool enabled, CancellationToken ct)
    {
        if (await EndpointAsync(networkId, id, ct) is not { } endpoint)
        {
            return Result;
        }
        await db.Set<WebhookEndpoint>().Where(e => e.Id == endpoint.Id && e.NetworkId == Network.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Enabled, enabled), ct);
        Notice = enabled ? T["Le point d'envoi {0} est réactivé.", endpoint.Url] : T["Le point d'envoi {0} est désactivé : il ne reçoit plus rien.", endpoint.Url];
        return Redirect(Link(Network.Id));
    }

    private IActionResult Result { get; set; } = null!;

    /// <summary>The endpoint of the managed network; null with <see cref="Result"/> set (403, or 404 for another network's endpoint).</summary>
    private async Task<WebhookEndpoint?> EndpointAsync(int? networkId, int id, CancellationToken ct)
    {
        if (await LoadAsync(networkId, ct) is { } denied)
        {
            Result = denied;
            return null;
        }
        var endpoint = await db.Set<WebhookEndpoint>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.NetworkId == Network.Id, ct);
        Result = NotFound();
        return endpoint;
    }

    /// <summary>The network asked for (or the first one managed), when the person manages it; 403 otherwise.</summary>
    private async Task<IActionResult?> LoadAsync(int? networkId, CancellationToken ct)
    {
        var reach = await CurrentUser.ReachAsync(ct);
        Managed = await db.Networks.AsNoTracking().Where(n => reach.ManagedNetworkIds.Contains(n.Id)).OrderBy(n => n.Name).ToListAsync(ct);
        var network = networkId is { } wanted ? Managed.FirstOrDefault(n => n.Id == wanted) : Managed.FirstOrDefault();
        if (network is null)
        {
            return Forbid();
        }
        Network = network;
        var endpoints = await db.Set<WebhookEndpoint>().AsNoTracking().Where(e => e.NetworkId == network.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var views = new List<EndpointView>();
        foreach (var endpoint in endpoints)
        {
            var log = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.EndpointId == endpoint.Id)
                .OrderByDescending(d => d.Id).Take(LogSize).ToListAsync(ct);
            views.Add(new EndpointView(endpoint, log));
        }
        Endpoints = views;
        return null;
    }

    public string KindName(HappeningKind kind) => kind switch
    {
        HappeningKind.BookingMade => T["Réservation faite"],
        HappeningKind.BookingCancelled => T["Réservation annulée"],
        HappeningKind.PaymentRecorded => T["Paiement enregistré"],
        HappeningKind.InvoiceIssued => T["Facture émise"],
        HappeningKind.CheckIn => T["Arrivée à l'accueil"],
        HappeningKind.EventRegistration => T["Inscription à un événement"],
        _ => kind.ToString(),
    };

    public string TypeName(string type) =>
        Happening.Kinds.FirstOrDefault(k => Happening.TypeOf(k) == type) is var kind && kind != HappeningKind.None ? KindName(kind) : T["Test"];

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>A time of the log, Paris time (« 1 déc. 09:05:12 »).</summary>
    public static string When(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris).ToString("d MMM HH:mm:ss", CultureInfo.CurrentCulture);

    public string StateName(WebhookDelivery d) => d.State switch
    {
        DeliveryState.Delivered => T["Reçu"],
        DeliveryState.Failed => T["Abandonné"],
        _ when d.ClaimedBy is not null => T["En cours d'envoi"],
        _ => T["En attente"],
    };
}
