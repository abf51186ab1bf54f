using System.Security.Claims;
using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Agenda;

/// <summary>The public agenda: coming events, filtered by site, kind and month; members' events for people signed in.</summary>
public sealed class IndexModel(AppDbContext db, AgendaQuery agenda, NetworkMembership membership) : LocalizedPage
{
    public IReadOnlyList<Event> Events { get; private set; } = [];
    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public string? Espace { get; private set; }
    public EventKind? Kind { get; private set; }
    public string? Mois { get; private set; }
    public string? MonthError { get; private set; }

    public async Task OnGetAsync(string? espace, string? type, string? mois, CancellationToken ct)
    {
        Sites = await db.Sites.AsNoTracking().Where(s => !s.IsArchived).OrderBy(s => s.Name).ToListAsync(ct);
        var site = Sites.FirstOrDefault(s => s.Slug == espace);
        Espace = site?.Slug;
        Kind = EventKindText.Parse(type);
        DateOnly? first = null, last = null;
        if (!string.IsNullOrEmpty(mois))
        {
            if (AgendaFilter.TryMonth(mois, out var f, out var l))
            {
                (first, last, Mois) = (f, l, mois);
            }
            else
            {
                MonthError = T["Le mois doit s'écrire AAAA-MM, par exemple 2026-12."];
                Mois = mois.Length > 20 ? mois[..20] : mois;
            }
        }
        var memberOf = await membership.NetworksOfAsync(User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        Events = await agenda.ListAsync(new AgendaFilter(site?.Id, Kind, first, last), memberOf, ct);
    }

    /// <summary>The feed with the same site and kind.</summary>
    public string FeedUrl =>
        "/agenda.ics" + (Espace, Kind) switch
        {
            (null, null) => "",
            (null, { } k) => $"?type={k.Slug()}",
            ({ } s, null) => $"?espace={s}",
            ({ } s, { } k) => $"?espace={s}&type={k.Slug()}",
        };
}
