using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Mine;

/// <summary>« Mes factures »: the member's invoices and credit notes, each with its status and what remains due, downloadable as PDF; what is due payable online when the network takes it.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, Balances balances, CurrentUser me, TimeProvider clock, Online.OnlinePayments online) : PageModel
{
    public IReadOnlyList<InvoiceAmounts> Invoices { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int DueCents { get; private set; }

    /// <summary>The invoices with something due whose network takes payment online: each gets a « Payer en ligne » button.</summary>
    public IReadOnlyList<InvoiceAmounts> PayableOnline { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = me.Id;
        Today = Entitlements.ParisDay.Today(clock);
        Invoices = await db.Invoices.AsNoTracking().Where(i => i.UserId == id).WithAmounts(db)
            .OrderByDescending(r => r.Invoice.IssuedAtUtc).ThenByDescending(r => r.Invoice.Id).Take(500).ToListAsync(ct);
        DueCents = id is null ? 0 : await balances.MemberAsync(id, ct);
        var due = Invoices.Where(r => r.DueCents > 0).ToList();
        var payable = await online.PayableAsync(due.Select(r => r.Invoice.Id), ct);
        PayableOnline = [.. due.Where(r => payable.Contains(r.Invoice.Id)).OrderBy(r => r.Invoice.DueDate)];
    }
}
