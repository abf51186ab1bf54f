using System.ComponentModel.DataAnnotations;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Manage;

/// <summary>Managers: the invoices of their networks, the monthly invoicing of bookings, credit notes.</summary>
public sealed class IndexModel(
    AppDbContext db, StaffAccess staff, MonthlyInvoicing monthly, EventInvoicing events, InvoiceIssuer issuer, TimeProvider clock) : LocalizedPage
{
    public IReadOnlyList<Invoice> Invoices { get; private set; } = [];
    public IReadOnlyList<Network> Networks { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Numéro ou client")]
    [StringLength(100, ErrorMessage = "La recherche fait au plus 100 caractères.")]
    public string? Q { get; set; }

    [BindProperty]
    [Display(Name = "Mois à facturer")]
    [Required(ErrorMessage = "Choisissez le mois à facturer.")]
    [RegularExpression(@"^\d{4}-\d{2}$", ErrorMessage = "Le mois s'écrit AAAA-MM, par exemple 2026-11.")]
    public string? Month { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var previous = clock.GetLocalNow().AddMonths(-1);
        Month ??= $"{previous.Year:0000}-{previous.Month:00}";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostInvoiceMonthAsync(int networkId, CancellationToken ct)
    {
        if (!await staff.CanManageNetworkAsync(networkId, ct))
        {
            return Forbid();
        }
        var first = default(DateOnly);
        if (ModelState.IsValid && (!DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out first) || !Dates.IsPlausible(first)))
        {
            ModelState.AddModelError(nameof(Month), T["Ce mois n'existe pas."]);
        }
        else if (ModelState.IsValid && !monthly.IsOver(first.Year, first.Month))
        {
            ModelState.AddModelError(nameof(Month), T["Ce mois n'est pas terminé : on le facture une fois fini."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        IReadOnlyList<Invoice> invoices =
        [
            .. await monthly.RunAsync(networkId, first.Year, first.Month, ct),
            .. await events.RunAsync(networkId, first.Year, first.Month, ct),
        ];
        Notice = invoices.Count == 0
            ? T["Rien à facturer pour ce mois : tout est déjà facturé."]
            : T["{0} factures émises, de {1} à {2}.", invoices.Count, invoices[0].Number, invoices[^1].Number];
        return Redirect("/gestion/factures");
    }

    public async Task<IActionResult> OnPostCreditAsync(int invoiceId, CancellationToken ct)
    {
        var networkId = await db.Invoices.Where(i => i.Id == invoiceId).Select(i => (int?)i.NetworkId).FirstOrDefaultAsync(ct);
        if (networkId is null)
        {
            return NotFound();
        }
        if (!await staff.CanManageNetworkAsync(networkId.Value, ct))
        {
            return Forbid();
        }
        var credit = await issuer.CreditAsync(invoiceId, ct);
        Notice = credit is null
            ? T["Cette facture a déjà un avoir (ou c'est un avoir) : rien n'a été émis."]
            : T["Avoir {0} émis.", credit.Number];
        return Redirect("/gestion/factures");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var ids = await staff.ManagedNetworkIdsAsync(ct);
        Networks = await (await staff.NetworksInScopeAsync(ct)).AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);
        var query = db.Invoices.AsNoTracking().Where(i => ids.Contains(i.NetworkId));
        if (!string.IsNullOrWhiteSpace(Q) && ModelState.GetFieldValidationState(nameof(Q)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            var term = Q.Trim().ToUpperInvariant();
            query = query.Where(i => i.Number.ToUpper().Contains(term) || i.ClientName.ToUpper().Contains(term));
        }
        Invoices = await query.OrderByDescending(i => i.Year).ThenByDescending(i => i.Sequence).Take(200).ToListAsync(ct);
    }
}
