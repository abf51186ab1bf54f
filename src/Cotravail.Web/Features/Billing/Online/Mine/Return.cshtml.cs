using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Online.Mine;

/// <summary>
/// Where the provider sends the member back (<c>?abandon=1</c> when they cancelled): the attempt is asked about at the
/// provider when no notification settled it yet, then its outcome is said — paid, refused, still being processed, or an amount
/// that differs (the treasurer looks at it). Reached without paying, nothing is recorded. Only the member's own attempts.
/// </summary>
public sealed class ReturnModel(AppDbContext db, OnlinePayments online) : LocalizedPage
{
    public OnlinePayment Attempt { get; private set; } = null!;
    public string? InvoiceNumber { get; private set; }
    public bool Abandoned { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "abandon")] string? abandon, CancellationToken ct)
    {
        var me = CurrentUser.RequiredId;
        if (await online.AttemptOfAsync(id, me, ct) is null)
        {
            return NotFound();
        }
        await online.RefreshAsync(id, ct);
        Attempt = (await online.AttemptOfAsync(id, me, ct))!;
        Abandoned = abandon is not null && Attempt.Status == OnlinePaymentStatus.Pending;
        InvoiceNumber = Attempt.InvoiceId is { } invoiceId
            ? await db.Invoices.Where(i => i.Id == invoiceId).Select(i => i.Number).FirstAsync(ct)
            : null;
        return Page();
    }
}
