using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Events.Agenda;

/// <summary>The public agenda: coming events, filtered by site, kind and month; members' events for people signed in.</summary>
public sealed class IndexModel(AppDbContext db, AgendaQuery agenda, NetworkMembership membership) : LocalizedPage
{
    public IReadOnlyList<Event> Events { get; private set; } = [];
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public string? SiteSlug { get; private set; }
    public EventKind? Kind { get; private set; }
    public string? Month { get; private set; }
    public string? MonthError { get; private set; }

    public async Task OnGetAsync(
        [FromQuery(Name = "espace")] string? site, string? type, [FromQuery(Name = "mois")] string? month, CancellationToken ct)
    {
        Sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).ToListAsync(ct);
        var chosen = Sites.FirstOrDefault(s => s.Slug == site);
        SiteSlug = chosen?.Slug;
        Kind = EventKindText.Parse(type);
        DateOnly? first = null, last = null;
        if (!string.IsNullOrEmpty(month))
        {
            if (AgendaFilter.TryMonth(month, out var f, out var l))
            {
                (first, last, Month) = (f, l, month);
            }
            else
            {
                MonthError = T["Le mois doit s'écrire AAAA-MM, par exemple 2026-12."];
                Month = month.Length > 20 ? month[..20] : month;
            }
        }
        var memberOf = await membership.NetworksOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        Events = await agenda.ListAsync(new AgendaFilter(chosen?.Id, Kind, first, last), memberOf, ct);
    }

    /// <summary>The feed with the same site and kind.</summary>
    public string FeedUrl =>
        "/agenda.ics" + (SiteSlug, Kind) switch
        {
            (null, null) => "",
            (null, { } k) => $"?type={k.Slug()}",
            ({ } s, null) => $"?espace={s}",
            ({ } s, { } k) => $"?espace={s}&type={k.Slug()}",
        };
}
