using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Billing.Dunning;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Manage;

/// <summary>
/// Managers: the invoices and credit notes of their networks, fifty a page, filtered by issue dates, status, site, person
/// and company (all in the query string, kept from page to page), each with its status and the reminders sent; and the
/// monthly invoicing of bookings. Crediting an invoice is done on its own page, <c>/gestion/factures/{id}</c>.
/// </summary>
public sealed class IndexModel(
    AppDbContext db, StaffAccess staff, MonthlyInvoicing monthly, EventInvoicing events, InvoiceAccess access, TimeProvider clock) : LocalizedPage
{
    public const int PageSize = 50;

    public sealed record Row(InvoiceAmounts Amounts, InvoiceStatus? Status, IReadOnlyList<InvoiceReminder> Reminders);

    public sealed record Choice(int Id, string Name);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Network> Networks { get; private set; } = [];
    public IReadOnlyList<Choice> Sites { get; private set; } = [];
    public IReadOnlyList<Choice> Companies { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    [BindProperty(SupportsGet = true, Name = "q")]
    [Display(Name = "Numéro ou client")]
    [StringLength(100, ErrorMessage = "La recherche fait au plus 100 caractères.")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "du")]
    [Display(Name = "Émises du")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "au")]
    [Display(Name = "Au")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "statut")]
    [Display(Name = "État")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "site")]
    [Display(Name = "Tiers-lieu")]
    public string? Site { get; set; }

    [BindProperty(SupportsGet = true, Name = "personne")]
    [Display(Name = "Personne (nom)")]
    [StringLength(100, ErrorMessage = "La recherche fait au plus 100 caractères.")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "entreprise")]
    [Display(Name = "Entreprise")]
    public string? Company { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public string? PageText { get; set; }

    public int PageNumber { get; private set; } = 1;

    public DateOnly Today { get; private set; }

    [BindProperty]
    [Display(Name = "Mois à facturer")]
    [Required(ErrorMessage = "Choisissez le mois à facturer.")]
    [RegularExpression(@"^\d{4}-\d{2}$", ErrorMessage = "Le mois s'écrit AAAA-MM, par exemple 2026-11.")]
    public string? Month { get; set; }

    [TempData]
    public string? Notice { get; set; }

    /// <summary>True when a field of the search has an error (the month form has its own).</summary>
    public bool SearchHasErrors => new[] { "q", "du", "au", "statut", "site", "personne", "entreprise" }
        .Any(k => ModelState.GetFieldValidationState(k) == ModelValidationState.Invalid);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var previous = clock.GetLocalNow().AddMonths(-1);
        Month ??= $"{previous.Year:0000}-{previous.Month:00}";
        ModelState.Remove(nameof(Month));
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostInvoiceMonthAsync(int networkId, CancellationToken ct)
    {
        if (!await staff.CanManageNetworkAsync(networkId, ct))
        {
            return Forbid();
        }
        var first = default(DateOnly);
        if (ModelState.IsValid && (!DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out first) || !Dates.IsPlausible(first)))
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
            : invoices.Count == 1 ? T["Une facture émise : {0}.", invoices[0].Number] : T["{0} factures émises, de {1} à {2}.", invoices.Count, invoices[0].Number, invoices[^1].Number];
        return Redirect("/gestion/factures");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ParisDay.Today(clock);
        var ids = await staff.ManagedNetworkIdsAsync(ct);
        Networks = await (await staff.NetworksInScopeAsync(ct)).AsNoTracking().OrderBy(n => n.Name).ToListAsync(ct);
        Sites = await db.Sites.AsNoTracking().Where(s => ids.Contains(s.NetworkId)).OrderBy(s => s.Name)
            .Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct);
        Companies = await db.Companies.AsNoTracking().Where(c => ids.Contains(c.NetworkId)).OrderBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct);

        var filter = ReadFilter();
        if (filter is null)
        {
            return;
        }
        var invoices = db.Invoices.AsNoTracking().Where(i => ids.Contains(i.NetworkId));
        if (filter.From is { } from)
        {
            invoices = invoices.Where(i => i.IssueDate >= from);
        }
        if (filter.To is { } to)
        {
            invoices = invoices.Where(i => i.IssueDate <= to);
        }
        if (filter.SiteId is { } site)
        {
            var concerning = access.Concerning([site]);
            invoices = invoices.Where(i => concerning.Contains(i.Id));
        }
        if (filter.CompanyId is { } companyId)
        {
            var company = db.Companies.Where(c => c.Id == companyId);
            invoices = invoices.Where(i => i.IsBusinessClient && company.Any(c => c.NetworkId == i.NetworkId && c.Siret == i.ClientSiret));
        }
        if (filter.PersonKey is { } key)
        {
            // Accents and case aside for an account (its name key); the client name as written for anyone else.
            var upper = Person!.Trim().ToUpperInvariant();
            var people = db.Users.Where(u => u.NameKey.Contains(key)).Select(u => u.Id);
            invoices = invoices.Where(i => (i.UserId != null && people.Contains(i.UserId)) || i.ClientName.ToUpper().Contains(upper));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToUpperInvariant();
            invoices = invoices.Where(i => i.Number.ToUpper().Contains(term) || i.ClientName.ToUpper().Contains(term));
        }
        var rows = invoices.WithAmounts(db);
        if (filter.Status is { } status)
        {
            rows = rows.WhereStatus(status, Today);
        }
        Total = await rows.CountAsync(ct);
        PageNumber = Math.Clamp(filter.Page, 1, PageCount);
        var page = await rows.OrderByDescending(r => r.Invoice.IssueDate).ThenByDescending(r => r.Invoice.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var pageIds = page.Select(r => r.Invoice.Id).ToList();
        var reminders = (await db.InvoiceReminders.AsNoTracking().Where(r => pageIds.Contains(r.InvoiceId)).ToListAsync(ct))
            .ToLookup(r => r.InvoiceId);
        Rows = [.. page.Select(r => new Row(r, r.Status(Today), [.. reminders[r.Invoice.Id].OrderBy(x => x.Step)]))];
    }

    private sealed record Filter(DateOnly? From, DateOnly? To, InvoiceStatus? Status, int? SiteId, int? CompanyId, string? PersonKey, int Page);

    /// <summary>The search as typed, checked; null (and messages on the fields) when something is wrong.</summary>
    private Filter? ReadFilter()
    {
        var from = Date("du", From);
        var to = Date("au", To);
        if (from is { } a && to is { } b && b < a)
        {
            ModelState.AddModelError("au", T["La date de fin doit suivre la date de début."]);
        }
        InvoiceStatus? status = null;
        if (!string.IsNullOrWhiteSpace(Status) && (status = InvoiceStatusRule.FromApiName(Status)) is null)
        {
            ModelState.AddModelError("statut", T["Choisissez un état dans la liste."]);
        }
        var site = Choose("site", Site, Sites, T["Choisissez un tiers-lieu dans la liste."]);
        var company = Choose("entreprise", Company, Companies, T["Choisissez une entreprise dans la liste."]);
        string? key = null;
        if (!string.IsNullOrWhiteSpace(Person) && ModelState.GetFieldValidationState("personne") != ModelValidationState.Invalid)
        {
            key = NameSearch.Key(Person);
            if (key.Length < NameSearch.MinLength)
            {
                ModelState.AddModelError("personne", T["Tapez au moins deux lettres du nom."]);
            }
        }
        var page = int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        return SearchHasErrors ? null : new Filter(from, to, status, site, company, key, page);
    }

    private DateOnly? Date(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && Dates.IsPlausible(date))
        {
            return date;
        }
        ModelState.AddModelError(field, T["La date s'écrit AAAA-MM-JJ (par exemple 2026-12-01), entre l'an 2000 et l'an 2100."]);
        return null;
    }

    private int? Choose(string field, string? text, IReadOnlyList<Choice> choices, string error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && choices.Any(c => c.Id == id))
        {
            return id;
        }
        ModelState.AddModelError(field, error);
        return null;
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) =>
        "/gestion/factures" + QueryString.Create(new Dictionary<string, string?>
        {
            ["du"] = From, ["au"] = To, ["statut"] = Status, ["site"] = Site, ["personne"] = Person, ["entreprise"] = Company, ["q"] = Q,
            ["numero"] = page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();

    /// <summary>« relance 1 le 15 déc. 2026 ».</summary>
    public string ReminderText(InvoiceReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(reminder.SentAtUtc, Paris));
        return T["relance {0} le {1}", reminder.Step, day.ToString("d MMM yyyy", CultureInfo.CurrentCulture)];
    }

    private static readonly TimeZoneInfo Paris =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : TimeZoneInfo.Utc;
}
