using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Audit;

/// <summary>
/// « Journal d'audit », for managers: who did what, when and from where, one entry per save, in French (ADR 0044);
/// searchable by person, site, kind of record, action and dates, fifty entries a page, newest first, and the same as
/// CSV. Read only: the page has no handler that writes.
/// </summary>
public sealed class JournalModel(AppDbContext db, StaffAccess staff, AuditedTypes audited, AuditReader reader) : LocalizedPage
{
    /// <summary>The kinds of record the journal may be filtered by.</summary>
    public IEnumerable<AuditedType> Types => audited.All;

    public const int PageSize = 50;

    /// <summary>The most entries one CSV export holds.</summary>
    public const int CsvLimit = 50_000;

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Personne (nom ou adresse e-mail)")]
    [StringLength(100, ErrorMessage = "Pas plus de {1} caractères.")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Espace")]
    public int? Site { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Type d'enregistrement")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "Action")]
    [Display(Name = "Action")]
    public string? Change { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Du")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Au")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<ReadableEntry> Lines { get; private set; } = [];

    /// <summary>The sites of the manager's networks, for the site filter.</summary>
    public IReadOnlyList<(int Id, string Name)> Sites { get; private set; } = [];

    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await FilteredAsync(ct) is not { } query)
        {
            return;
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var rows = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Lines = await reader.ReadAsync(rows, (text, args) => T[text, args].Value, ct);
    }

    /// <summary>The same search as CSV (CsvHelper), in French whatever the reader's language, times local with their offset.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var shown = CultureInfo.CurrentCulture;
        var shownUi = CultureInfo.CurrentUICulture;
        var french = CultureInfo.GetCultureInfo("fr-FR");
        if (await FilteredAsync(ct) is not { } query)
        {
            return Page();
        }
        var rows = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(CsvLimit).ToListAsync(ct);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = french;
            var entries = await reader.ReadAsync(rows, (text, args) => string.Format(french, text, args), ct);
            return File(AuditCsv.Write(entries), "text/csv; charset=utf-8", "journal-audit.csv");
        }
        finally
        {
            CultureInfo.CurrentCulture = shown;
            CultureInfo.CurrentUICulture = shownUi;
        }
    }

    /// <summary>The entries the search asks for, among those the manager may read; null (with messages) when the search is wrong.</summary>
    private async Task<IQueryable<AuditEntry>?> FilteredAsync(CancellationToken ct)
    {
        var networks = await staff.ManagedNetworkIdsAsync(ct);
        Sites = [.. (await db.Sites.AsNoTracking().Where(s => networks.Contains(s.NetworkId)).Select(s => new { s.Id, s.Name }).ToListAsync(ct))
            .OrderBy(s => s.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).Select(s => (s.Id, s.Name))];
        if (From is { } f && !Dates.IsPlausible(f))
        {
            ModelState.AddModelError(nameof(From), T["Cette date n'est pas plausible."]);
        }
        if (To is { } t && !Dates.IsPlausible(t))
        {
            ModelState.AddModelError(nameof(To), T["Cette date n'est pas plausible."]);
        }
        if (From is { } a && To is { } b && b < a)
        {
            ModelState.AddModelError(nameof(To), T["La date de fin doit suivre la date de début."]);
        }
        if (Type is { Length: > 0 } && audited.All.All(x => x.Name != Type))
        {
            ModelState.AddModelError(nameof(Type), T["Choisissez un type dans la liste."]);
        }
        AuditAction? action = null;
        if (Change is { Length: > 0 })
        {
            if (Enum.TryParse<AuditAction>(Change, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(Change[0]))
            {
                action = parsed;
            }
            else
            {
                ModelState.AddModelError(nameof(Change), T["Choisissez une action dans la liste."]);
            }
        }
        // A site of another network is refused as one that does not exist: nothing of it is read.
        if (Site is { } chosen && Sites.All(s => s.Id != chosen))
        {
            ModelState.AddModelError(nameof(Site), T["Choisissez un espace dans la liste."]);
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        var query = Visible(networks);
        if (Site is { } site)
        {
            var key = site.ToString(CultureInfo.InvariantCulture);
            query = query.Where(e => e.SiteId == site || (e.SiteId == null && e.EntityType == "Site" && e.EntityKey == key));
        }
        if (Type is { Length: > 0 })
        {
            // The main record's type, or any record of the save (the type is one of the declared code names).
            var inside = "%\"Type\":\"" + Type + "\"%";
            query = query.Where(e => e.EntityType == Type || (e.Changes != null && EF.Functions.Like(e.Changes, inside)));
        }
        if (action is { } act)
        {
            query = query.Where(e => e.Action == act);
        }
        if (From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), Paris);
            query = query.Where(e => e.AtUtc >= start);
        }
        if (To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), Paris);
            query = query.Where(e => e.AtUtc < end);
        }
        if (Person?.Trim() is { Length: > 0 } person)
        {
            var pattern = "%" + person.ToUpperInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            var ids = db.Users.Where(u => EF.Functions.Like(u.NormalizedEmail!, pattern)
                || EF.Functions.Like((u.FirstName + " " + u.LastName).ToUpper(), pattern)).Select(u => u.Id);
            query = query.Where(e => ids.Contains(e.ActorId!) || ids.Contains(e.SubjectUserId!));
        }
        return query;
    }

    /// <summary>
    /// The entries of the networks this manager manages; a person's role (no network) when that person works in one of
    /// them (hosts one of its sites or manages it).
    /// </summary>
    private IQueryable<AuditEntry> Visible(IReadOnlyList<int> networks)
    {
        var people = db.SiteHosts.Where(h => networks.Contains(h.Site!.NetworkId)).Select(h => h.UserId)
            .Concat(db.NetworkManagers.Where(m => networks.Contains(m.NetworkId)).Select(m => m.UserId));
        return db.AuditEntries.AsNoTracking().Where(e => e.NetworkId != null
            ? networks.Contains(e.NetworkId.Value)
            : e.SubjectUserId != null && people.Contains(e.SubjectUserId));
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) => Link(page.ToString(CultureInfo.InvariantCulture), null);

    /// <summary>The same search as CSV.</summary>
    public string CsvLink => Link(null, "Csv");

    /// <summary>The entries by or about one person.</summary>
    public static string PersonLink(string email) => "/gestion/journal" + QueryString.Create("Person", email).ToUriComponent();

    private string Link(string? page, string? handler) =>
        "/gestion/journal" + QueryString.Create(new Dictionary<string, string?>
        {
            ["handler"] = handler,
            ["Person"] = Person, ["Site"] = Site?.ToString(CultureInfo.InvariantCulture), ["Type"] = Type, ["Action"] = Change,
            ["From"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["To"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["numero"] = page,
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
