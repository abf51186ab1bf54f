using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Mine;

/// <summary>« Mes factures »: the member's invoices and credit notes, each with its status and what remains due, downloadable as PDF.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, Balances balances, CurrentUser me, TimeProvider clock) : PageModel
{
    public IReadOnlyList<InvoiceAmounts> Invoices { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int DueCents { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = me.Id;
        Today = Entitlements.ParisDay.Today(clock);
        Invoices = await db.Invoices.AsNoTracking().Where(i => i.UserId == id).WithAmounts(db)
            .OrderByDescending(r => r.Invoice.IssuedAtUtc).ThenByDescending(r => r.Invoice.Id).Take(500).ToListAsync(ct);
        DueCents = id is null ? 0 : await balances.MemberAsync(id, ct);
    }
}
