using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cotravail.Tests.Billing.Online;

/// <summary>
/// PayFiP and Stripe as a small Kestrel app on a loopback port, following their documented contracts:
/// PayFiP's SOAP 1.1 « PaiementSecuriseService » (creerPaiementSecurise → idOp; recupererDetailPaiementSecurise(idOp) →
/// resultrans, numauto, dattrans, heurtrans, montant, numcli, refdet; a SOAP fault P5 while the result is not known, P1 for an
/// unknown idOp), and Stripe's form-encoded REST API (Bearer secret key; customers, checkout sessions, payment intents; a
/// resource of another key is « resource_missing », 404). Tests play the payer (<see cref="PayFipResult"/>,
/// <see cref="StripePay"/>) and sign Stripe's webhooks (<see cref="SignedEvent"/>).
/// </summary>
public sealed class FakeProviders : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _next;

    public Uri Base { get; }

    /// <summary>PayFiP operations created, by idOp: the fields sent, plus resultrans/montant once the payer finished.</summary>
    public ConcurrentDictionary<string, Dictionary<string, string>> PayFip { get; } = new(StringComparer.Ordinal);

    /// <summary>Stripe objects created (sessions, payment intents, customers) by id, with the key that created them.</summary>
    public ConcurrentDictionary<string, (string Key, JsonObject Json)> Stripe { get; } = new(StringComparer.Ordinal);

    /// <summary>Every form Stripe received, in order (path and fields), to check what Cotravail asked.</summary>
    public ConcurrentQueue<(string Path, Dictionary<string, string> Form)> StripeRequests { get; } = new();

    private FakeProviders(WebApplication app, Uri address)
    {
        _app = app;
        Base = address;
    }

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Billing:Online:PayFipEndpoint"] = new Uri(Base, "/tpa/services/securite").AbsoluteUri,
        ["Billing:Online:PayFipPaymentPage"] = new Uri(Base, "/tpa/paiementws.web").AbsoluteUri,
        ["Billing:Online:StripeApiBase"] = Base.AbsoluteUri.TrimEnd('/'),
        ["Billing:Online:MandateCharges"] = "false",
    };

    public static async Task<FakeProviders> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeProviders? fake = null;
        app.MapPost("/tpa/services/securite", async (HttpRequest r) => await fake!.SoapAsync(r));
        app.MapPost("/v1/{**path}", async (HttpRequest r, string path) => await fake!.StripePostAsync(r, path));
        app.MapGet("/v1/{**path}", (HttpRequest r, string path) => fake!.StripeGet(r, path));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeProviders(app, new Uri(address));
        return fake;
    }

    // ── PayFiP ──────────────────────────────────────────────────────────────────────────────────────────────

    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private const string Service = "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService";
    private const string Reponse = "http://securite.service.tpa.cp.finances.gouv.fr/reponse";

    /// <summary>The payer finishes on PayFiP's page: P (paid), R (refused), A (abandoned); <paramref name="montant"/> overrides what was asked.</summary>
    public void PayFipResult(string idOp, string resultrans, int? montant = null)
    {
        var p = PayFip[idOp];
        p["resultrans"] = resultrans;
        p["numauto"] = "A" + idOp[^5..];
        if (montant is { } m)
        {
            p["montant"] = m.ToString(CultureInfo.InvariantCulture);
        }
    }

    private async Task<IResult> SoapAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = XDocument.Parse(await reader.ReadToEndAsync());
        var operation = body.Descendants(Soap + "Body").Elements().First();
        var fields = operation.Element("arg0")!.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.Ordinal);
        if (operation.Name == XName.Get("creerPaiementSecurise", Service))
        {
            var idOp = "IDOP" + Interlocked.Increment(ref _next).ToString("000000", CultureInfo.InvariantCulture);
            PayFip[idOp] = fields;
            return Xml(Answer("creerPaiementSecuriseResponse", new XElement(XName.Get("idOp", Reponse), idOp)));
        }
        if (operation.Name == XName.Get("recupererDetailPaiementSecurise", Service))
        {
            if (!PayFip.TryGetValue(fields.GetValueOrDefault("idOp") ?? "", out var p))
            {
                return Fault("P1", "IdOp incorrect.");
            }
            if (!p.ContainsKey("resultrans"))
            {
                return Fault("P5", "Résultat de la transaction non connu.");
            }
            var now = DateTime.UtcNow;
            var names = new[] { "exer", "mel", "montant", "numcli", "objet", "refdet", "saisie", "resultrans", "numauto" };
            return Xml(Answer("recupererDetailPaiementSecuriseResponse",
                [.. names.Select(n => new XElement(XName.Get(n, Reponse), p.GetValueOrDefault(n) ?? "")),
                    new XElement(XName.Get("idOp", Reponse), fields["idOp"]),
                    new XElement(XName.Get("dattrans", Reponse), now.ToString("ddMMyyyy", CultureInfo.InvariantCulture)),
                    new XElement(XName.Get("heurtrans", Reponse), now.ToString("HHmm", CultureInfo.InvariantCulture))]));
        }
        return Fault("P0", "Opération inconnue.");
    }

    private static XDocument Answer(string operation, params object[] fields) =>
        new(new XElement(Soap + "Envelope", new XElement(Soap + "Body", new XElement(XName.Get(operation, Service), new XElement("return", fields)))));

    private static IResult Fault(string code, string text) => Results.Content(new XDocument(new XElement(Soap + "Envelope", new XElement(Soap + "Body",
        new XElement(Soap + "Fault", new XElement("faultcode", "S:Server"), new XElement("faultstring", "FonctionnelleErreur"),
            new XElement("detail", new XElement(XName.Get("FonctionnelleErreur", Service),
                new XElement("code", code), new XElement("descriptif", text))))))).ToString(), "text/xml; charset=utf-8", Encoding.UTF8, 500);

    private static IResult Xml(XDocument doc) => Results.Content(doc.ToString(), "text/xml; charset=utf-8");

    // ── Stripe ──────────────────────────────────────────────────────────────────────────────────────────────

    private static string? KeyOf(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
    }

    private async Task<IResult> StripePostAsync(HttpRequest request, string path)
    {
        var key = KeyOf(request);
        if (key is null)
        {
            return StripeError(401, "authentication_required", "No API key provided.");
        }
        var form = (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        StripeRequests.Enqueue((path, form));
        var n = Interlocked.Increment(ref _next).ToString("000000", CultureInfo.InvariantCulture);
        JsonObject json;
        switch (path)
        {
            case "customers":
                json = new JsonObject { ["id"] = "cus_" + n, ["object"] = "customer", ["email"] = form.GetValueOrDefault("email") };
                break;
            case "checkout/sessions":
                var id = "cs_test_" + n;
                json = new JsonObject
                {
                    ["id"] = id, ["object"] = "checkout.session", ["mode"] = form["mode"], ["status"] = "open", ["payment_status"] = "unpaid",
                    ["url"] = new Uri(Base, "/pay/" + id).AbsoluteUri, ["currency"] = "eur",
                    ["amount_total"] = form.TryGetValue("line_items[0][price_data][unit_amount]", out var a) ? long.Parse(a, CultureInfo.InvariantCulture) : null,
                    ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"), ["customer"] = form.GetValueOrDefault("customer"),
                    ["success_url"] = form.GetValueOrDefault("success_url"), ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
                    ["metadata"] = Metadata(form), ["payment_method_types"] = List(form, "allowed_payment_method_types"),
                    ["payment_intent"] = null, ["setup_intent"] = null,
                };
                break;
            case "payment_intents":
                json = new JsonObject
                {
                    ["id"] = "pi_" + n, ["object"] = "payment_intent", ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture), ["amount_received"] = 0,
                    ["currency"] = form["currency"], ["customer"] = form.GetValueOrDefault("customer"), ["status"] = "processing",
                    ["payment_method"] = PaymentMethodJson(form.GetValueOrDefault("payment_method") ?? "", "sepa_debit"),
                    ["payment_method_types"] = List(form, "allowed_payment_method_types"), ["metadata"] = Metadata(form),
                    ["off_session"] = form.GetValueOrDefault("off_session"),
                };
                break;
            default:
                return StripeError(404, "resource_missing", "Unrecognized request URL.");
        }
        Stripe[json["id"]!.GetValue<string>()] = (key, json);
        return Results.Content(json.ToJsonString(), "application/json");
    }

    private IResult StripeGet(HttpRequest request, string path)
    {
        var id = path.Split('/')[^1];
        if (!Stripe.TryGetValue(id, out var found) || found.Key != KeyOf(request))
        {
            return StripeError(404, "resource_missing", $"No such object: '{id}'");
        }
        return Results.Content(found.Json.ToJsonString(), "application/json");
    }

    /// <summary>The payer pays a checkout session (by card or sepa_debit; <paramref name="amount"/> overrides its total); SEPA leaves it processing.</summary>
    public JsonObject StripePay(string sessionId, string method = "card", long? amount = null, bool settled = true)
    {
        var session = Stripe[sessionId].Json;
        var total = amount ?? session["amount_total"]!.GetValue<long>();
        var n = Interlocked.Increment(ref _next).ToString("000000", CultureInfo.InvariantCulture);
        var intent = new JsonObject
        {
            ["id"] = "pi_" + n, ["object"] = "payment_intent", ["amount"] = total, ["amount_received"] = settled ? total : 0, ["currency"] = "eur",
            ["status"] = settled ? "succeeded" : "processing", ["payment_method"] = PaymentMethodJson("pm_" + n, method),
            ["payment_method_types"] = new JsonArray(method), ["metadata"] = session["metadata"]!.DeepClone(),
        };
        Stripe[intent["id"]!.GetValue<string>()] = (Stripe[sessionId].Key, intent);
        session["status"] = "complete";
        session["payment_status"] = settled ? "paid" : "unpaid";
        session["amount_total"] = total;
        session["payment_intent"] = intent.DeepClone();
        return session;
    }

    /// <summary>A SEPA debit being processed succeeds (or fails) at the bank.</summary>
    public JsonObject StripeSettle(string intentId, bool succeeded = true)
    {
        var intent = Stripe[intentId].Json;
        intent["status"] = succeeded ? "succeeded" : "requires_payment_method";
        intent["amount_received"] = succeeded ? intent["amount"]!.GetValue<long>() : 0;
        foreach (var (_, (_, json)) in Stripe)
        {
            if (json["payment_intent"] is JsonObject pi && pi["id"]!.GetValue<string>() == intentId)
            {
                json["payment_intent"] = intent.DeepClone();
                json["payment_status"] = succeeded ? "paid" : "unpaid";
            }
        }
        return intent;
    }

    /// <summary>The payer completes a mode-setup session: a SEPA payment method is stored by a succeeded SetupIntent.</summary>
    public JsonObject StripeSetup(string sessionId)
    {
        var session = Stripe[sessionId].Json;
        var n = Interlocked.Increment(ref _next).ToString("000000", CultureInfo.InvariantCulture);
        session["status"] = "complete";
        session["payment_status"] = "no_payment_required";
        session["setup_intent"] = new JsonObject
        {
            ["id"] = "seti_" + n, ["object"] = "setup_intent", ["status"] = "succeeded", ["customer"] = session["customer"]?.DeepClone(),
            ["payment_method"] = "pm_sepa_" + n,
        };
        return session;
    }

    /// <summary>A webhook body and its <c>Stripe-Signature</c> header: t=…,v1=HMAC-SHA256(secret, « t.body »).</summary>
    public static (string Body, string Signature) SignedEvent(string type, JsonObject data, string secret, DateTimeOffset at)
    {
        var body = new JsonObject
        {
            ["id"] = "evt_" + Guid.NewGuid().ToString("N")[..16], ["object"] = "event", ["api_version"] = "2025-01-27.acacia", ["type"] = type,
            ["created"] = at.ToUnixTimeSeconds(), ["livemode"] = false, ["data"] = new JsonObject { ["object"] = data.DeepClone() },
        }.ToJsonString();
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body));
        return (body, $"t={t},v1={Convert.ToHexStringLower(mac)}");
    }

    private static JsonObject PaymentMethodJson(string id, string type) => new() { ["id"] = id, ["object"] = "payment_method", ["type"] = type };

    private static JsonObject Metadata(Dictionary<string, string> form)
    {
        var m = new JsonObject();
        foreach (var (k, v) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            m[k["metadata[".Length..^1]] = v;
        }
        return m;
    }

    private static JsonArray List(Dictionary<string, string> form, string name) =>
        [.. form.Where(f => f.Key.StartsWith(name + "[", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (JsonNode?)JsonValue.Create(f.Value))];

    private static IResult StripeError(int status, string code, string message) =>
        Results.Content(JsonSerializer.Serialize(new { error = new { type = "invalid_request_error", code, message } }), "application/json", Encoding.UTF8, status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
