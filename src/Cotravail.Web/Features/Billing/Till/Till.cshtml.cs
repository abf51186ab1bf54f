using Cotravail.Web.Common;
using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Till;

/// <summary>A row of the cash-up history: the day's cash-up and who closed it, then its corrections.</summary>
public sealed record CashUpRow(CashUp CashUp, string ClosedBy, IReadOnlyList<(CashUp CashUp, string ClosedBy)> Corrections);

/// <summary>
/// The till of a site, built around people: find a person or a company by name, see what they owe in the network, take one
/// payment for the invoices ticked (a receipt); or pay an invoice by its number; see today's payments; close the day's
/// cash-up (once a day, a difference explained and confirmed) and correct a closed day (a new, linked entry).
/// </summary>
public sealed class TillModel(AppDbContext db, Payments payments, TillPayers payers, IdempotencyStore once, TimeProvider clock) : LocalizedPage
{
    public Site Site { get; private set; } = null!;
    public IReadOnlyList<(Payment Payment, string Number, string? Receipt)> Today { get; private set; } = [];
    public IReadOnlyList<CashUpRow> CashUps { get; private set; } = [];
    public int ExpectedCents { get; private set; }
    public DateOnly Day { get; private set; }
    public bool ClosedToday { get; private set; }

    /// <summary>What was typed in « Personne ou entreprise », and what it found.</summary>
    public string? Search { get; private set; }
    public IReadOnlyList<PayerMatch>? Matches { get; private set; }

    /// <summary>The person or company chosen, and their open invoices in this network, oldest first.</summary>
    public Payer? Chosen { get; private set; }
    public IReadOnlyList<OpenInvoice> Open { get; private set; } = [];

    /// <summary>A difference to confirm, after a first count that differed (the confirmation step).</summary>
    public int? CloseDifferenceCents { get; private set; }
    public int? CorrectDifferenceCents { get; private set; }

    /// <summary>Each form binds only its own fields (handler parameters), so one form's rules never block another.</summary>
    public PayInput Pay { get; set; } = new();
    public SettleInput Settle { get; set; } = new();
    public CloseInput Close { get; set; } = new();
    public CorrectInput Correct { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "recherche")] string? search,
        [FromQuery(Name = "personne")] string? personId, [FromQuery(Name = "entreprise")] int? companyId, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        Search = search?.Trim() is { Length: > 0 and <= 100 } s ? s : null;
        if (search is { Length: > 100 })
        {
            ModelState.AddModelError("recherche", T["La recherche fait au plus 100 caractères."]);
        }
        else if (Search is not null)
        {
            Matches = await payers.SearchAsync(Site, Search, ct);
        }
        if (await ChooseAsync(personId, companyId, ct) is false)
        {
            return NotFound();
        }
        Pay.Method = PaymentMethod.Cash;
        Settle.Method = PaymentMethod.Cash;
        Settle.Amount = Open.Count > 0 ? Money.ToInput(Open.Sum(i => i.DueCents)) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostSettleAsync(string slug, SettleInput settle, CancellationToken ct)
    {
        Settle = settle;
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        switch (await ChooseAsync(Settle.PersonId, Settle.CompanyId, ct))
        {
            case null:
                ModelState.AddModelError("recherche", T["Cherchez d'abord la personne ou l'entreprise qui paie."]);
                return Page();
            case false:
                return NotFound();
        }
        var open = Open.Select(i => i.Id).ToHashSet();
        if (Settle.InvoiceIds.Count == 0)
        {
            ModelState.AddModelError("Settle.InvoiceIds", T["Cochez au moins une facture à régler."]);
        }
        else if (Settle.InvoiceIds.Any(id => !open.Contains(id)))
        {
            ModelState.AddModelError("Settle.InvoiceIds", T["Une des factures cochées n'est plus à régler : vérifiez la liste."]);
        }
        Money.TryParseEuros(Settle.Amount, out var cents);
        if (ModelState.IsValid && Settle.Method == PaymentMethod.Cheque && (string.IsNullOrWhiteSpace(Settle.ChequeNumber) || string.IsNullOrWhiteSpace(Settle.ChequeBank)))
        {
            ModelState.AddModelError("Settle.ChequeNumber", T["Pour un chèque, indiquez son numéro et sa banque."]);
        }
        if (ModelState.IsValid && cents <= 0)
        {
            ModelState.AddModelError("Settle.Amount", T["Le montant reçu doit être un nombre positif en euros, par exemple 15,00."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!await once.TryClaimOnceAsync("till:" + UserId, Settle.Token, ct))
        {
            Notice = T["Ce paiement est déjà enregistré (formulaire envoyé deux fois)."];
            return Redirect($"/accueil/{slug}/caisse");
        }
        var result = await payments.SettleAsync(new SettleRequest(Site.NetworkId, Site.Id, Day, Settle.InvoiceIds, Settle.Method!.Value, cents,
            Settle.ChequeNumber, Settle.ChequeBank, null, Chosen!.UserId, Chosen.CompanyId, Chosen.Name), UserId, ct);
        return Settled(slug, result, "Settle");
    }

    public async Task<IActionResult> OnPostPayAsync(string slug, PayInput pay, CancellationToken ct)
    {
        Pay = pay;
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        var number = Pay.InvoiceNumber?.Trim().ToUpperInvariant();
        var invoice = string.IsNullOrEmpty(number) ? null : await db.Invoices.AsNoTracking()
            .FirstOrDefaultAsync(i => i.NetworkId == Site.NetworkId && i.Number == number && i.Kind == InvoiceKind.Invoice, ct);
        if (invoice is null && !string.IsNullOrEmpty(number))
        {
            ModelState.AddModelError("Pay.InvoiceNumber", T["Aucune facture de ce réseau n'a ce numéro."]);
        }
        Money.TryParseEuros(Pay.Amount, out var cents);
        var request = new PaymentRequest(invoice?.Id ?? 0, Pay.Method ?? PaymentMethod.Cash, cents, Site.Id, Pay.ChequeNumber, Pay.ChequeBank, null);
        if (ModelState.IsValid && Payments.Problems(request).TryGetValue("chequeNumber", out var cheque))
        {
            ModelState.AddModelError("Pay.ChequeNumber", T[cheque]);
        }
        if (ModelState.IsValid && cents <= 0)
        {
            ModelState.AddModelError("Pay.Amount", T["Le montant reçu doit être un nombre positif en euros, par exemple 15,00."]);
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
        var result = await payments.SettleAsync(new SettleRequest(Site.NetworkId, Site.Id, Day, [invoice!.Id], request.Method, cents,
            Pay.ChequeNumber, Pay.ChequeBank, null, invoice.UserId, null, invoice.ClientName), UserId, ct);
        return Settled(slug, result, "Pay");
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
            return Page();
        }
        var result = await payments.CloseCashUpAsync(new CashUpRequest(Site.Id, Day, counted, Close.Comment, Close.ConfirmedDifference), UserId, ct);
        switch (result.Outcome)
        {
            case CashUpOutcome.Closed:
                var cashUp = result.CashUp!;
                Notice = cashUp.DifferenceCents == 0
                    ? T["Caisse close : {0} attendus, {1} comptés.", Format.Euros(cashUp.ExpectedCents), Format.Euros(cashUp.CountedCents)]
                    : T["Caisse close : {0} attendus, {1} comptés, écart de {2}.", Format.Euros(cashUp.ExpectedCents), Format.Euros(cashUp.CountedCents), Format.Euros(cashUp.DifferenceCents)];
                return Redirect($"/accueil/{slug}/caisse");
            case CashUpOutcome.AlreadyClosed:
                ModelState.AddModelError("Close.Counted", T["La caisse du {0} est déjà close ; pour corriger, ajoutez une correction.", Format.LongDate(Day)]);
                break;
            case CashUpOutcome.NeedsComment:
                CloseDifferenceCents = result.DifferenceCents;
                ModelState.AddModelError("Close.Comment", T["Le compte diffère de ce qui est attendu (écart de {0}) : expliquez l'écart.", Format.Euros(result.DifferenceCents)]);
                break;
            case CashUpOutcome.NeedsConfirmation:
                CloseDifferenceCents = result.DifferenceCents;
                ModelState.AddModelError("Close.ConfirmedDifference", T["Cochez « Je confirme l'écart de {0} » pour clore la caisse avec cet écart.", Format.Euros(result.DifferenceCents)]);
                break;
            default:
                ModelState.AddModelError("Close.Counted", T["Le montant compté doit être un nombre positif en euros, par exemple 152,50."]);
                break;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCorrectAsync(string slug, CorrectInput correct, CancellationToken ct)
    {
        Correct = correct;
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        if (!ModelState.IsValid || !Money.TryParseEuros(Correct.Counted, out var counted))
        {
            return Page();
        }
        if (!await once.TryClaimOnceAsync("till-correction:" + UserId, Correct.Token ?? "", ct))
        {
            Notice = T["Cette correction est déjà enregistrée (formulaire envoyé deux fois)."];
            return Redirect($"/accueil/{slug}/caisse");
        }
        var result = await payments.CloseCashUpAsync(
            new CashUpRequest(Site.Id, Day, counted, Correct.Comment, Correct.ConfirmedDifference, Correct.CashUpId), UserId, ct);
        Correct.Token = Guid.NewGuid().ToString("N"); // spent: a new one if the page shows again
        switch (result.Outcome)
        {
            case CashUpOutcome.Closed:
                var fix = result.CashUp!;
                Notice = T["Correction de la clôture du {0} enregistrée : {1} comptés, écart de {2}.", Format.LongDate(fix.Date), Format.Euros(fix.CountedCents), Format.Euros(fix.DifferenceCents)];
                return Redirect($"/accueil/{slug}/caisse");
            case CashUpOutcome.UnknownCashUp:
                ModelState.AddModelError("Correct.CashUpId", T["Cette clôture n'est pas une clôture de cet espace."]);
                break;
            case CashUpOutcome.NeedsComment:
                ModelState.AddModelError("Correct.Comment", T["Expliquez la correction."]);
                break;
            case CashUpOutcome.NeedsConfirmation:
                CorrectDifferenceCents = result.DifferenceCents;
                ModelState.AddModelError("Correct.ConfirmedDifference", T["Cochez « Je confirme l'écart de {0} » pour enregistrer la correction.", Format.Euros(result.DifferenceCents)]);
                break;
            default:
                ModelState.AddModelError("Correct.Counted", T["Le montant compté doit être un nombre positif en euros, par exemple 152,50."]);
                break;
        }
        return Page();
    }

    private IActionResult Settled(string slug, SettleResult result, string form)
    {
        switch (result.Outcome)
        {
            case PaymentOutcome.Recorded:
                var receipt = result.Receipt!;
                Notice = T["Paiement de {0} enregistré ({1}) : reçu {2} ; reste dû sur ces factures : {3}.",
                    Format.Euros(receipt.TotalCents), T[receipt.Method.French()], receipt.Number, Format.Euros(result.DueCents)];
                return Redirect($"/accueil/{slug}/caisse/recus/{receipt.Id}");
            case PaymentOutcome.AboveDue:
                ModelState.AddModelError($"{form}.Amount", form == "Pay"
                    ? T["Le montant dépasse ce qui reste dû ({0}).", Format.Euros(result.DueCents)]
                    : T["Le montant dépasse ce qui reste dû sur les factures cochées ({0}).", Format.Euros(result.DueCents)]);
                break;
            case PaymentOutcome.UnknownInvoice:
                ModelState.AddModelError(form == "Pay" ? "Pay.InvoiceNumber" : "Settle.InvoiceIds", T["Aucune facture de ce réseau n'a ce numéro."]);
                break;
            default:
                ModelState.AddModelError($"{form}.Amount", T["Paiement non valide."]);
                break;
        }
        // The token of the form sent is spent: a new one for the next try.
        Pay.Token = Guid.NewGuid().ToString("N");
        Settle.Token = Guid.NewGuid().ToString("N");
        return Page();
    }

    /// <summary>The payer named by the request: null when none is, false when it is no payer of this network.</summary>
    private async Task<bool?> ChooseAsync(string? personId, int? companyId, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(personId))
        {
            Chosen = personId.Length <= 450 ? await payers.PersonAsync(Site, personId, ct) : null;
        }
        else if (companyId is { } id)
        {
            Chosen = await payers.CompanyAsync(Site, id, ct);
        }
        else
        {
            return null;
        }
        if (Chosen is null)
        {
            return false;
        }
        Open = await payers.OpenInvoicesAsync(Site.NetworkId, Chosen, ct);
        return true;
    }

    private string UserId => CurrentUser.RequiredId;

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Slug == slug, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        Day = SiteClock.Today(site, clock);
        var since = SiteTime.ToUtcLenient(SiteClock.Zone(site), Day, TimeOnly.MinValue);
        Today = (await db.Payments.AsNoTracking().Where(p => p.SiteId == site.Id && p.RecordedAtUtc >= since)
                .Join(db.Invoices, p => p.InvoiceId, i => i.Id, (p, i) => new { p, i.Number })
                .OrderByDescending(x => x.p.RecordedAtUtc).Take(200).ToListAsync(ct))
            .Select(x => (x.p, x.Number, (string?)null)).ToList();
        var receiptIds = Today.Where(t => t.Payment.ReceiptId is not null).Select(t => t.Payment.ReceiptId!.Value).Distinct().ToList();
        var numbers = await db.Receipts.AsNoTracking().Where(r => receiptIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
        Today = [.. Today.Select(t => (t.Payment, t.Number, t.Payment.ReceiptId is { } r ? numbers.GetValueOrDefault(r) : null))];
        var originals = await db.CashUps.AsNoTracking().Where(c => c.SiteId == site.Id && c.CorrectsCashUpId == null)
            .OrderByDescending(c => c.Date).Take(10).ToListAsync(ct);
        var originalIds = originals.Select(c => c.Id).ToList();
        var corrections = await db.CashUps.AsNoTracking().Where(c => c.CorrectsCashUpId != null && originalIds.Contains(c.CorrectsCashUpId.Value))
            .OrderBy(c => c.ClosedAtUtc).ToListAsync(ct);
        var closers = originals.Concat(corrections).Select(c => c.ClosedByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => closers.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName }).ToDictionaryAsync(u => u.Id, u => $"{u.FirstName} {u.LastName}".Trim(), ct);
        CashUps = [.. originals.Select(c => new CashUpRow(c, names.GetValueOrDefault(c.ClosedByUserId) ?? "",
            [.. corrections.Where(x => x.CorrectsCashUpId == c.Id).Select(x => (x, names.GetValueOrDefault(x.ClosedByUserId) ?? ""))]))];
        ClosedToday = originals.Any(c => c.Date == Day);
        ExpectedCents = await payments.ExpectedCashAsync(site.Id, ct);
        // The forms not sent get their one-time tokens.
        Pay.Token = Pay.Token is { Length: > 0 } p ? p : Guid.NewGuid().ToString("N");
        Settle.Token = Settle.Token is { Length: > 0 } t ? t : Guid.NewGuid().ToString("N");
        Correct.Token = Correct.Token is { Length: > 0 } c ? c : Guid.NewGuid().ToString("N");
        return null;
    }
}
