using Cotravail.Web.Common;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Billing.Credits;

/// <summary>
/// Managers: one invoice or credit note of their networks — its lines with what is left to credit, its payments, the
/// credit notes already issued with their reasons, what is still due — and the way to a credit note.
/// </summary>
public sealed class InvoiceModel(CreditNotes credits) : LocalizedPage
{
    public CreditView View { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await credits.ViewAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
