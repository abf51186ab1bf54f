using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Till;

/// <summary>The desk's till for a site: record a payment on an invoice, see today's payments, close the cash-up.</summary>
public sealed class TillModel(AppDbContext db, StaffScope scope, Payments payments, IdempotencyStore once, TimeProvider clock) : LocalizedPage
{
    public Site Site { get; private set; } = null!;
    public IReadOnlyList<(Payment Payment, string Number)> Today { get; private set; } = [];
    public IReadOnlyList<CashUp> CashUps { get; private set; } = [];
    public int ExpectedCents { get; private set; }

    /// <summary>Each form binds only its own fields (handler parameters), so one form's rules never block the other.</summary>
    public PayInput Pay { get; set; } = new();

    public CloseInput Close { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        Pay = new PayInput { Method = PaymentMethod.Cash, Token = Guid.NewGuid().ToString("N") };
        return Page();
    }

    public async Task<IActionResult> OnPostPayAsync(string slug, PayInput pay, CancellationToken ct)
    {
        Pay = pay;
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        var invoice = string.IsNullOrWhiteSpace(Pay.InvoiceNumber) ? null : await db.Invoices.AsNoTracking()
            .FirstOrDefaultAsync(i => i.NetworkId == Site.NetworkId && i.Number == Pay.InvoiceNumber.Trim().ToUpper() && i.Kind == InvoiceKind.Invoice, ct);
        if (invoice is null && !string.IsNullOrWhiteSpace(Pay.InvoiceNumber))
        {
            ModelState.AddModelError("Pay.InvoiceNumber", T["Aucune facture de ce réseau n'a ce numéro."]);
        }
        Money.TryParseEuros(Pay.Amount, out var cents);
        var request = new PaymentRequest(invoice?.Id ?? 0, Pay.Method ?? PaymentMethod.Cash, cents, Site.Id, Pay.ChequeNumber, Pay.ChequeBank, null);
        if (ModelState.IsValid && Payments.Problems(request).TryGetValue("chequeNumber", out var cheque))
        {
            ModelState.AddModelError("Pay.ChequeNumber", T[cheque]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await once.TryClaimOnceAsync("till:" + UserId, Pay.Token, ct))
        {
            Notice = T["Ce paiement est déjà enregistré (formulaire envoyé deux fois)."];
            return Redirect($"/accueil/{slug}/caisse");
        }
        var (outcome, _, due) = await payments.RecordAsync(request, UserId, ct);
        if (outcome == PaymentOutcome.AboveDue)
        {
            ModelState.AddModelError("Pay.Amount", T["Le montant dépasse ce qui reste dû ({0}).", Format.Euros(due)]);
            Pay.Token = Guid.NewGuid().ToString("N");
            return Page();
        }
        Notice = T["Paiement de {0} enregistré sur la facture {1} ; reste dû : {2}.", Format.Euros(cents), invoice!.Number, Format.Euros(due)];
        return Redirect($"/accueil/{slug}/caisse");
    }

    public async Task<IActionResult> OnPostCloseAsync(string slug, CloseInput close, CancellationToken ct)
    {
        Close = close;
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        if (!ModelState.IsValid || !Money.TryParseEuros(Close.Counted, out var counted))
        {
            Pay = new PayInput { Method = PaymentMethod.Cash, Token = Guid.NewGuid().ToString("N") };
            return Page();
        }
        var cashUp = await payments.CloseCashUpAsync(Site.Id, SiteClock.Today(Site, clock), counted, Close.Comment, UserId, ct);
        Notice = cashUp.DifferenceCents == 0
            ? T["Caisse close : {0} attendus, {1} comptés.", Format.Euros(cashUp.ExpectedCents), Format.Euros(cashUp.CountedCents)]
            : T["Caisse close : {0} attendus, {1} comptés, écart de {2}.", Format.Euros(cashUp.ExpectedCents), Format.Euros(cashUp.CountedCents), Format.Euros(cashUp.DifferenceCents)];
        return Redirect($"/accueil/{slug}/caisse");
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (site is null)
        {
            return NotFound();
        }
        if (!await scope.HostsSiteAsync(User, site.Id, ct))
        {
            return Forbid();
        }
        Site = site;
        var today = SiteClock.Today(site, clock);
        var since = SiteTime.ToUtcLenient(SiteClock.Zone(site), today, TimeOnly.MinValue);
        Today = (await db.Payments.AsNoTracking().Where(p => p.SiteId == site.Id && p.RecordedAtUtc >= since)
                .Join(db.Invoices, p => p.InvoiceId, i => i.Id, (p, i) => new { p, i.Number })
                .OrderByDescending(x => x.p.RecordedAtUtc).Take(200).ToListAsync(ct))
            .Select(x => (x.p, x.Number)).ToList();
        CashUps = await db.CashUps.AsNoTracking().Where(c => c.SiteId == site.Id).OrderByDescending(c => c.ClosedAtUtc).Take(10).ToListAsync(ct);
        ExpectedCents = await payments.ExpectedCashAsync(site.Id, ct);
        return null;
    }
}
