using Cotravail.Web.Features.Sites;
using System.Text.Json;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Api;

/// <summary>
/// Body of <c>POST /api/v1/payments</c>: <c>invoiceId</c> or <c>invoiceNumber</c> (as printed, « F2026-000123 »),
/// <c>method</c> (cash, cheque, card, transfer), <c>amountCents</c>, <c>siteId</c> (the reception that received it; required for
/// cash), and for a cheque <c>chequeNumber</c> + <c>chequeBank</c>. Or <c>invoiceIds</c> (several invoices of one network) with
/// <c>siteId</c>: one payment spread over them oldest first, with a receipt (as the till does).
/// </summary>
public sealed record PaymentBody(int? InvoiceId, string? Method, int? AmountCents, int? SiteId, string? ChequeNumber, string? ChequeBank, string? Reference,
    string? InvoiceNumber = null, IReadOnlyList<int>? InvoiceIds = null);

/// <summary>What a payment of several invoices recorded: the receipt, one payment per invoice, what remains due on them.</summary>
public sealed record ReceiptDto(int ReceiptId, string ReceiptNumber, string Method, int AmountCents, int SiteId, DateTime RecordedAtUtc,
    IReadOnlyList<SettledDto> Payments, int RemainingDueCents);

public sealed record SettledDto(int Id, int InvoiceId, int AmountCents);

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

    private static async Task<IResult> RecordAsync(HttpRequest http, CurrentUser me, AppDbContext db, StaffAccess staff,
        InvoiceAccess access, Payments payments, IdempotencyStore idempotency, TimeProvider clock, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Body);
        var raw = await reader.ReadToEndAsync(ct);
        var userId = me.RequiredId;
        var reach = await access.ReachAsync(ct);
        if (!reach.IsStaff)
        {
            return TypedResults.Forbid();
        }
        async Task<StoredResponse> Work() => await RecordCoreAsync(raw, userId, db, staff, access, reach, payments, clock, ct);
        var key = http.Headers[IdempotencyStore.Header].ToString();
        return string.IsNullOrEmpty(key)
            ? IdempotencyStore.ToResult(await Work())
            : await idempotency.RunAsync(userId, key, IdempotencyStore.Hash("POST", "/api/v1/payments", raw), Work, ct);
    }

    private static async Task<StoredResponse> RecordCoreAsync(string raw, string userId, AppDbContext db, StaffAccess staff,
        InvoiceAccess access, InvoiceReach reach, Payments payments, TimeProvider clock, CancellationToken ct)
    {
        PaymentBody? body;
        try
        {
            body = JsonSerializer.Deserialize<PaymentBody>(raw, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return ApiProblems.Stored.BadRequest(ApiProblems.MalformedBody);
        }
        var errors = new Dictionary<string, string[]>();
        var method = PaymentMethodText.FromApiName(body?.Method);
        var number = body?.InvoiceNumber?.Trim().ToUpperInvariant();
        var several = body?.InvoiceIds is { Count: > 0 };
        if (several && (body!.InvoiceId is not null || number is not null || body.InvoiceIds!.Count > Payments.MaxInvoicesPerReceipt || body.InvoiceIds.Any(id => id <= 0)))
        {
            errors["invoiceIds"] = [$"invoiceIds : de 1 à {Payments.MaxInvoicesPerReceipt} identifiants de factures, sans invoiceId ni invoiceNumber."];
        }
        else if (several && body!.SiteId is null)
        {
            errors["siteId"] = ["Un paiement de plusieurs factures a un reçu de l'accueil d'un espace : indiquez siteId."];
        }
        else if (several)
        {
            // several invoices: checked below
        }
        else if (body?.InvoiceId is not > 0 && string.IsNullOrEmpty(number))
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
            return ApiProblems.Stored.Invalid(errors);
        }
        var payable = access.Payable(reach);
        if (several)
        {
            return await SettleCoreAsync(body!, method!.Value, userId, db, staff, payable, payments, clock, ct);
        }
        var found = await (body!.InvoiceId is > 0 ? payable.Where(i => i.Id == body.InvoiceId) : payable.Where(i => i.Number == number))
            .Select(i => new { i.Id, i.NetworkId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return ApiProblems.Stored.NotFound("Facture introuvable (ou c'est un avoir).");
        }
        var invoiceNetwork = found.NetworkId;
        body = body with { InvoiceId = found.Id };
        if (body!.SiteId is { } siteId && !(await db.Sites.AnyAsync(s => s.Id == siteId && s.NetworkId == invoiceNetwork, ct) && await staff.CanActOnSiteAsync(siteId, ct)))
        {
            return ApiProblems.Stored.Invalid("siteId", "Vous n'accueillez pas dans cet espace (ou il n'est pas du réseau de la facture).");
        }
        var (outcome, payment, due) = await payments.RecordAsync(Request(body, method!.Value), userId, ct);
        return outcome switch
        {
            PaymentOutcome.Recorded => new StoredResponse(201,
                new PaymentDto(payment!.Id, payment.InvoiceId, body.Method!.ToLowerInvariant(), payment.AmountCents, payment.SiteId, payment.RecordedAtUtc, due),
                $"/api/v1/payments/{payment.Id}"),
            PaymentOutcome.AboveDue => ApiProblems.Stored.Invalid("amountCents", $"Le montant dépasse ce qui reste dû ({due / 100m:0.00} €)."),
            PaymentOutcome.UnknownInvoice => ApiProblems.Stored.NotFound("Facture introuvable (ou c'est un avoir)."),
            _ => ApiProblems.Stored.Invalid("", "Paiement non valide."),
        };
    }

    private static async Task<StoredResponse> SettleCoreAsync(PaymentBody body, PaymentMethod method, string userId, AppDbContext db, StaffAccess staff,
        IQueryable<Invoice> payable, Payments payments, TimeProvider clock, CancellationToken ct)
    {
        var ids = body.InvoiceIds!.Distinct().ToList();
        var found = await payable.Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.NetworkId, i.UserId }).ToListAsync(ct);
        if (found.Count != ids.Count)
        {
            return ApiProblems.Stored.NotFound("Facture introuvable (ou c'est un avoir).");
        }
        if (found.Select(i => i.NetworkId).Distinct().Count() > 1)
        {
            return ApiProblems.Stored.Invalid("invoiceIds", "Les factures d'un même paiement sont d'un même réseau.");
        }
        var network = found[0].NetworkId;
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == body.SiteId && s.NetworkId == network, ct);
        if (site is null || !await staff.CanActOnSiteAsync(site.Id, ct))
        {
            return ApiProblems.Stored.Invalid("siteId", "Vous n'accueillez pas dans cet espace (ou il n'est pas du réseau de la facture).");
        }
        var payers = found.Select(i => i.UserId).Distinct().ToList();
        var result = await payments.SettleAsync(new SettleRequest(network, site.Id, SiteClock.Today(site, clock), ids, method, body.AmountCents ?? 0,
            body.ChequeNumber, body.ChequeBank, body.Reference, payers.Count == 1 ? payers[0] : null, null, null), userId, ct);
        if (result.Outcome != PaymentOutcome.Recorded)
        {
            return result.Outcome == PaymentOutcome.AboveDue
                ? ApiProblems.Stored.Invalid("amountCents", $"Le montant dépasse ce qui reste dû sur ces factures ({result.DueCents / 100m:0.00} €).")
                : ApiProblems.Stored.Invalid("", "Paiement non valide.");
        }
        var receipt = result.Receipt!;
        var settled = await db.Payments.AsNoTracking().Where(p => p.ReceiptId == receipt.Id).OrderBy(p => p.Id)
            .Select(p => new SettledDto(p.Id, p.InvoiceId, p.AmountCents)).ToListAsync(ct);
        return new StoredResponse(201, new ReceiptDto(receipt.Id, receipt.Number, body.Method!.Trim().ToLowerInvariant(), receipt.TotalCents, site.Id,
            receipt.ReceivedAtUtc, settled, result.DueCents), $"/accueil/{site.Slug}/caisse/recus/{receipt.Id}");
    }

    private static PaymentRequest Request(PaymentBody b, PaymentMethod m) =>
        new(b.InvoiceId ?? 0, m, b.AmountCents ?? 0, b.SiteId, b.ChequeNumber, b.ChequeBank, b.Reference);
}
