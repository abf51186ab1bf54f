using System.Security.Claims;
using System.Text.Json;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Api;

/// <summary>
/// Body of <c>POST /api/v1/payments</c>: <c>invoiceId</c> or <c>invoiceNumber</c> (as printed, « F2026-000123 »),
/// <c>method</c> (cash, cheque, card, transfer), <c>amountCents</c>, <c>siteId</c> (the reception that received it; required for
/// cash), and for a cheque <c>chequeNumber</c> + <c>chequeBank</c>.
/// </summary>
public sealed record PaymentBody(int? InvoiceId, string? Method, int? AmountCents, int? SiteId, string? ChequeNumber, string? ChequeBank, string? Reference,
    string? InvoiceNumber = null);

public sealed record PaymentDto(int Id, int InvoiceId, string Method, int AmountCents, int? SiteId, DateTime RecordedAtUtc, int RemainingDueCents);

internal static class PaymentsApi
{
    public static void MapPaymentsApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/payments", RecordAsync).WithTags("Facturation").WithName("RecordPayment")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .Accepts<PaymentBody>("application/json")
            .Produces<PaymentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Hosts and managers record a payment on an invoice of their networks, named by id or number (partial payments " +
                "allowed, never above what is due). Idempotency-Key makes a retry safe.");

    private static async Task<IResult> RecordAsync(HttpRequest http, ClaimsPrincipal user, AppDbContext db, StaffScope scope,
        InvoiceAccess access, Payments payments, IdempotencyStore idempotency, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Body);
        var raw = await reader.ReadToEndAsync(ct);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var reach = await access.ReachAsync(user, ct);
        if (!reach.IsStaff)
        {
            return TypedResults.Forbid();
        }
        async Task<StoredResponse> Work() => await RecordCoreAsync(raw, user, userId, db, scope, access, reach, payments, ct);
        var key = http.Headers[IdempotencyStore.Header].ToString();
        return string.IsNullOrEmpty(key)
            ? IdempotencyStore.ToResult(await Work())
            : await idempotency.RunAsync(userId, key, IdempotencyStore.Hash("POST", "/api/v1/payments", raw), Work, ct);
    }

    private static async Task<StoredResponse> RecordCoreAsync(string raw, ClaimsPrincipal user, string userId, AppDbContext db, StaffScope scope,
        InvoiceAccess access, InvoiceReach reach, Payments payments, CancellationToken ct)
    {
        PaymentBody? body;
        try
        {
            body = JsonSerializer.Deserialize<PaymentBody>(raw, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return Problem(400, "Le contenu n'est pas un JSON valide ou un champ a le mauvais type.");
        }
        var errors = new Dictionary<string, string[]>();
        var method = PaymentMethodText.FromApiName(body?.Method);
        var number = body?.InvoiceNumber?.Trim().ToUpperInvariant();
        if (body?.InvoiceId is not > 0 && string.IsNullOrEmpty(number))
        {
            errors["invoiceId"] = ["invoiceId (ou invoiceNumber, le numéro imprimé) est obligatoire."];
        }
        else if (number is { Length: > 30 })
        {
            errors["invoiceNumber"] = ["Le numéro de facture fait au plus 30 caractères."];
        }
        if (method is null)
        {
            errors["method"] = ["Le moyen de paiement est cash, cheque, card ou transfer."];
        }
        if (body?.AmountCents is null)
        {
            errors["amountCents"] = ["Le montant (en centimes) est obligatoire."];
        }
        if (method == PaymentMethod.Cash && body?.SiteId is null)
        {
            errors["siteId"] = ["Des espèces sont reçues à l'accueil d'un espace : indiquez siteId."];
        }
        if (errors.Count == 0)
        {
            foreach (var (field, message) in Payments.Problems(Request(body!, method!.Value)))
            {
                errors[field] = [message];
            }
        }
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }
        var payable = access.Payable(reach);
        var found = await (body!.InvoiceId is > 0 ? payable.Where(i => i.Id == body.InvoiceId) : payable.Where(i => i.Number == number))
            .Select(i => new { i.Id, i.NetworkId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Problem(404, "Facture introuvable (ou c'est un avoir).");
        }
        var invoiceNetwork = found.NetworkId;
        body = body with { InvoiceId = found.Id };
        if (body!.SiteId is { } siteId && !(await db.Sites.AnyAsync(s => s.Id == siteId && s.NetworkId == invoiceNetwork, ct) && await scope.HostsSiteAsync(user, siteId, ct)))
        {
            return Invalid(new() { ["siteId"] = ["Vous n'accueillez pas dans cet espace (ou il n'est pas du réseau de la facture)."] });
        }
        var (outcome, payment, due) = await payments.RecordAsync(Request(body, method!.Value), userId, ct);
        return outcome switch
        {
            PaymentOutcome.Recorded => new StoredResponse(201,
                new PaymentDto(payment!.Id, payment.InvoiceId, body.Method!.ToLowerInvariant(), payment.AmountCents, payment.SiteId, payment.RecordedAtUtc, due),
                $"/api/v1/payments/{payment.Id}"),
            PaymentOutcome.AboveDue => Invalid(new() { ["amountCents"] = [$"Le montant dépasse ce qui reste dû ({due / 100m:0.00} €)."] }),
            PaymentOutcome.UnknownInvoice => Problem(404, "Facture introuvable (ou c'est un avoir)."),
            _ => Invalid(new() { [""] = ["Paiement non valide."] }),
        };
    }

    private static PaymentRequest Request(PaymentBody b, PaymentMethod m) =>
        new(b.InvoiceId ?? 0, m, b.AmountCents ?? 0, b.SiteId, b.ChequeNumber, b.ChequeBank, b.Reference);

    private static StoredResponse Problem(int status, string title) =>
        new(status, new ProblemDetails { Status = status, Title = title }, IsProblem: true);

    private static StoredResponse Invalid(Dictionary<string, string[]> errors) =>
        new(400, new HttpValidationProblemDetails(errors) { Status = 400, Title = "Certaines informations ne sont pas valides." }, IsProblem: true);
}
