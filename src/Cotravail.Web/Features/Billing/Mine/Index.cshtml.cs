using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Mine;

/// <summary>« Mes factures »: the member's invoices and credit notes, each downloadable as PDF.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, Balances balances, CurrentUser me) : PageModel
{
    public IReadOnlyList<Invoice> Invoices { get; private set; } = [];
    public int DueCents { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = me.Id;
        Invoices = await db.Invoices.AsNoTracking().Where(i => i.UserId == id).OrderByDescending(i => i.IssuedAtUtc).Take(500).ToListAsync(ct);
        DueCents = id is null ? 0 : await balances.MemberAsync(id, ct);
    }
}
