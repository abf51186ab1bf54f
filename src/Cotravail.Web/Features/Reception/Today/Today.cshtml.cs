using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Reception.Today;

/// <summary>
/// « Aujourd'hui » at a site, for its hosts: expected bookings, people present, free places now, arrivals and
/// departures; arrivals by a row's button, by name search or by a member's card (typed or scanned), departures.
/// </summary>
public sealed class TodayModel(TodayQuery query, Arrivals arrivals, ReceptionPeople people, StaffScope scope) : LocalizedPage
{
    public TodayView View { get; private set; } = null!;
    public Site Site => View.Site;
    public string? Query { get; private set; }
    public IReadOnlyList<PersonMatch> Matches { get; private set; } = [];
    public string? SearchProblem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? Problem { get; set; }

    public string Here => $"/accueil/{Site.Slug}";

    public async Task<IActionResult> OnGetAsync(string slug, string? q, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        Query = q?.Trim();
        if (!string.IsNullOrEmpty(Query))
        {
            if (NameSearch.Key(Query).Length < NameSearch.MinLength)
            {
                SearchProblem = T["Tapez au moins deux lettres du nom."];
            }
            else
            {
                Matches = await people.SearchAsync(Site, Query, ct);
            }
        }
        return Page();
    }

    /// <summary>The one field of reception: a card's token checks the member in; any other text searches by name.</summary>
    public async Task<IActionResult> OnPostScanAsync(string slug, string? q, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        if (MemberCards.LooksLikeToken(q))
        {
            return Done(await arrivals.CheckInByCardAsync(Site, q, ct));
        }
        return Redirect(Here + "?q=" + Uri.EscapeDataString(q?.Trim() ?? ""));
    }

    public async Task<IActionResult> OnPostArriveAsync(string slug, int? bookingId, string? userId, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        var result = bookingId is { } id ? await arrivals.CheckInBookingAsync(Site, id, ct)
            : !string.IsNullOrEmpty(userId) ? await arrivals.CheckInMemberAsync(Site, userId, ct)
            : new ArrivalResult(ArrivalOutcome.UnknownPerson);
        return Done(result);
    }

    public async Task<IActionResult> OnPostLeaveAsync(string slug, int visitId, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } denied)
        {
            return denied;
        }
        var result = await arrivals.CheckOutAsync(visitId, Site.Id, ct);
        if (result.Ok)
        {
            Notice = T["Départ de {0} enregistré.", result.Visit!.Visitor?.DisplayName ?? ""];
            return Redirect(Here);
        }
        Problem = T[result.Message];
        return Redirect(Here);
    }

    private IActionResult Done(ArrivalResult result)
    {
        if (result.Ok)
        {
            Notice = T["Arrivée de {0} enregistrée.", result.Name ?? ""];
        }
        else
        {
            Problem = result.Outcome switch
            {
                ArrivalOutcome.AlreadyPresent => T["{0} est déjà enregistré·e comme présent·e.", result.Name ?? ""],
                ArrivalOutcome.NoBookingToday => T["{0} n'a pas de réservation aujourd'hui ici : enregistrez une venue sans réservation.", result.Name ?? ""],
                _ => T[result.Message],
            };
        }
        return Redirect(Here);
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var site = await query.SiteBySlugAsync(slug, ct);
        if (site is null)
        {
            return NotFound();
        }
        if (!await scope.HostsSiteAsync(User, site.Id, ct))
        {
            return Forbid();
        }
        View = await query.LoadAsync(site, ct);
        return null;
    }
}
