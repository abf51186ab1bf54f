using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Cotravail.Web.Common.Security;
using Cotravail.Web.Common;
using Cotravail.Web.Common.Auditing;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Audit;

/// <summary>
/// « Journal d'audit », for managers: who did what, when and from where, searchable by person, kind of record and
/// dates, fifty lines a page, newest first. Read only: the page has no handler that writes.
/// </summary>
public sealed class JournalModel(AppDbContext db, StaffAccess staff, AuditedTypes audited) : LocalizedPage
{
    /// <summary>The kinds of record the journal may be filtered by.</summary>
    public IEnumerable<AuditedType> Types => audited.All;

    public const int PageSize = 50;
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Personne (nom ou adresse e-mail)")]
    [StringLength(100, ErrorMessage = "Pas plus de {1} caractères.")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Type d'enregistrement")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Du")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Au")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "numero")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Line(DateTime At, string? Actor, string? Ip, AuditAction Action, string Type, string Key, string? Subject, IReadOnlyList<(string Field, string? Before, string? After)> Changes);

    public async Task OnGetAsync(CancellationToken ct)
    {
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
        if (!ModelState.IsValid)
        {
            return;
        }
        var query = await VisibleAsync(ct);
        if (Type is { Length: > 0 })
        {
            query = query.Where(e => e.EntityType == Type);
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
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        var rows = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var people = rows.SelectMany(r => new[] { r.ActorId, r.SubjectUserId }).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id))
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email }).ToDictionaryAsync(u => u.Id, ct);
        string? NameOf(string? id) => id is null ? null
            : names.TryGetValue(id, out var u) ? ($"{u.FirstName} {u.LastName}".Trim() is { Length: > 0 } n ? n : u.Email) : id;
        Lines = [.. rows.Select(r => new Line(
            TimeZoneInfo.ConvertTimeFromUtc(r.AtUtc, Paris), NameOf(r.ActorId), r.Ip, r.Action,
            audited.LabelOf(r.EntityType), r.EntityKey, NameOf(r.SubjectUserId), ChangesOf(r.Changes)))];
    }

    /// <summary>
    /// The lines of the networks this manager manages; a person's role (no network) when that person works in one of
    /// them (hosts one of its sites or manages it).
    /// </summary>
    private async Task<IQueryable<AuditEntry>> VisibleAsync(CancellationToken ct)
    {
        var networks = await staff.ManagedNetworkIdsAsync(ct);
        var people = db.SiteHosts.Where(h => networks.Contains(h.Site!.NetworkId)).Select(h => h.UserId)
            .Concat(db.NetworkManagers.Where(m => networks.Contains(m.NetworkId)).Select(m => m.UserId));
        return db.AuditEntries.AsNoTracking().Where(e => e.NetworkId != null
            ? networks.Contains(e.NetworkId.Value)
            : e.SubjectUserId != null && people.Contains(e.SubjectUserId));
    }

    private static List<(string, string?, string?)> ChangesOf(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        var changes = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(json) ?? [];
        return [.. changes.Select(c => (c.Key, c.Value.ElementAtOrDefault(0), c.Value.ElementAtOrDefault(1)))];
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["Person"] = Person, ["Type"] = Type,
            ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["numero"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var q ? "/gestion/journal" + q : "";
}
