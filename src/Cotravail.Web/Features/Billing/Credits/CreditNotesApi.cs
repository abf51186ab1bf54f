using System.Text.Json;
using Cotravail.Web.Common.Api;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Api;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Billing.Credits;

/// <summary>One line to credit: the invoice line's id and the quantity.</summary>
public sealed record CreditLineBody(int LineId, int Quantity);

/// <summary>
/// Body of <c>POST /api/v1/invoices/{id}/credit-notes</c>: <c>reason</c> (required, 500 characters at most), <c>lines</c>
/// (omitted: everything left to credit), <c>unusedOnly</c> (credit only the unused part of carnets and subscriptions), and
/// <c>confirm</c>: without <c>true</c> the answer is a 409 listing what the credit note would undo, nothing issued.
/// </summary>
public sealed record CreditNoteBody(string? Reason, IReadOnlyList<CreditLineBody>? Lines, bool UnusedOnly, bool Confirm);

public sealed record CreditNoteDto(InvoiceDto CreditNote, string Reason, IReadOnlyList<string> Undone);

public static class CreditNotesApi
{
    /// <summary>The managers of the invoice's network (404 for an unknown invoice, 403 for another network's).</summary>
    public static readonly StaffScopeRule ManagerOfInvoice =
        StaffScopeRule.NetworkManagerOf("id", "invoice id", (db, id) => db.Invoices.Where(i => i.Id == id).Select(i => i.NetworkId));

    public static void MapCreditNotesApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/invoices/{id:int}/credit-notes", IssueAsync).WithTags("Facturation").WithName("IssueCreditNote")
            .RequireAuthorization(AccountsModule.ApiPolicy)
            .RequireStaffScope(ManagerOfInvoice)
            .Accepts<CreditNoteBody>("application/json")
            .Produces<CreditNoteDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem()
            .WithSummary("Managers issue a credit note on an invoice of their networks, whole or per line, with a reason; it takes back the " +
                "unused days of the carnets and subscriptions credited and cancels the future bookings charged. Without confirm: true, " +
                "409 lists what it would undo. Idempotency-Key makes a retry safe.");

    private static async Task<IResult> IssueAsync(int id, HttpRequest http, CurrentUser me, CreditNotes credits, IdempotencyStore idempotency, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Body);
        var raw = await reader.ReadToEndAsync(ct);
        var userId = me.RequiredId;
        async Task<StoredResponse> Work() => await IssueCoreAsync(id, raw, credits, ct);
        var key = http.Headers[IdempotencyStore.Header].ToString();
        return string.IsNullOrEmpty(key)
            ? IdempotencyStore.ToResult(await Work())
            : await idempotency.RunAsync(userId, key, IdempotencyStore.Hash("POST", $"/api/v1/invoices/{id}/credit-notes", raw), Work, ct);
    }

    private static async Task<StoredResponse> IssueCoreAsync(int id, string raw, CreditNotes credits, CancellationToken ct)
    {
        CreditNoteBody? body;
        try
        {
            body = JsonSerializer.Deserialize<CreditNoteBody>(raw, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return ApiProblems.Stored.BadRequest(ApiProblems.MalformedBody);
        }
        var view = await credits.ViewAsync(id, ct);
        if (view is null)
        {
            return ApiProblems.Stored.NotFound();
        }
        if (view.IsCreditNote)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, CreditNotes.OnACreditNote, null);
        }
        if (body?.Lines is { } given && given.Any(l => l is null))
        {
            return ApiProblems.Stored.Invalid("lines", "Chaque ligne s'écrit { \"lineId\": …, \"quantity\": … }.");
        }
        var quantities = body?.Lines is { } lines
            ? lines.GroupBy(l => l.LineId).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity))
            : view.Lines.Where(l => l.Left > 0).ToDictionary(l => l.Id, l => l.Left);
        var ask = new CreditAsk(body?.Reason, quantities, body?.UnusedOnly ?? false);
        var plan = CreditNotes.Plan(view, ask);
        if (!plan.IsValid)
        {
            return ApiProblems.Stored.Invalid(plan.Problems.ToDictionary(p => Field(p.Key), p => new[] { p.Value.French() }));
        }
        if (body?.Confirm != true)
        {
            return Problem(StatusCodes.Status409Conflict, "Confirmez l'avoir : voici ce qu'il défera. Envoyez la même demande avec confirm: true pour l'émettre.", plan);
        }
        var result = await credits.IssueAsync(id, ask, null, ct);
        return result.Outcome switch
        {
            CreditOutcome.Issued => new StoredResponse(StatusCodes.Status201Created,
                new CreditNoteDto(InvoiceDto.From(new InvoiceAmounts { Invoice = result.CreditNote! }, result.CreditNote!.IssueDate, $"/api/v1/invoices/{result.CreditNote!.Id}/pdf"), result.CreditNote.CreditReason ?? "",
                    [.. result.Plan!.Undoes.Select(u => u.French())]),
                $"/api/v1/invoices/{result.CreditNote.Id}/pdf"),
            CreditOutcome.Refused => ApiProblems.Stored.Invalid(result.Plan!.Problems.ToDictionary(p => Field(p.Key), p => new[] { p.Value.French() })),
            _ => Problem(StatusCodes.Status409Conflict, CreditNotes.ChangedMeanwhile, null),
        };
    }

    private static string Field(string key) => key switch
    {
        "reason" => "reason",
        "unusedOnly" => "unusedOnly",
        _ when key.StartsWith("line-", StringComparison.Ordinal) => "lines[" + key[5..] + "]",
        _ => "lines",
    };

    /// <summary>A problem with what the credit note would be: its lines, its total and what it undoes, in French.</summary>
    private static StoredResponse Problem(int status, string title, CreditPlan? plan)
    {
        var problem = ApiProblems.Details(status, title);
        if (plan is not null)
        {
            problem.Extensions["totalCents"] = plan.TotalInclTaxCents;
            problem.Extensions["lines"] = plan.Lines.Select(l => new
            {
                lineId = l.CreditedLineId, description = l.Line.Description, quantity = l.Line.Quantity, unitPriceCents = l.Line.UnitPriceInclTaxCents,
                totalCents = InvoiceMath.Line(l.Line, 1).TotalInclTaxCents,
            }).ToList();
            problem.Extensions["undoes"] = plan.Undoes.Select(u => u.French()).ToList();
        }
        return new StoredResponse(status, problem, IsProblem: true);
    }
}
