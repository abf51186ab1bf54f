using Cotravail.Web.Common;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Reception.Arrive;

/// <summary>
/// Self check-in: the QR code displayed at the site opens this page with the day's code; a signed-in member with a
/// booking today confirms their arrival. Yesterday's code, or another site's, is refused.
/// </summary>
public sealed class ArriveModel(TodayQuery query, ArrivalCodes codes, Arrivals arrivals, TimeProvider clock) : LocalizedPage
{
    public Site Site { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public bool CodeValid { get; private set; }
    public string? Problem { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? code, CancellationToken ct) =>
        await LoadAsync(slug, code, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string slug, string? code, CancellationToken ct)
    {
        if (await LoadAsync(slug, code, ct) is { } missing)
        {
            return missing;
        }
        if (!CodeValid)
        {
            return Page();
        }
        var result = await arrivals.CheckInMemberAsync(Site, CurrentUser.RequiredId, ct, VisitSource.ArrivalCode);
        if (result.Ok)
        {
            Done = T["Bienvenue ! Votre arrivée à {0} est enregistrée.", Site.Name];
        }
        else
        {
            Problem = result.Outcome switch
            {
                ArrivalOutcome.AlreadyPresent => T["Votre arrivée est déjà enregistrée."],
                ArrivalOutcome.NoBookingToday => T["Vous n'avez pas de réservation aujourd'hui ici : passez à l'accueil."],
                _ => T[result.Message],
            };
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, string? code, CancellationToken ct)
    {
        var site = await query.SiteBySlugAsync(slug, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        Code = code?.Trim() ?? "";
        CodeValid = await codes.IsValidAsync(site.Id, SiteClock.Today(site, clock), Code, ct);
        if (!CodeValid)
        {
            Problem = T["Ce code d'arrivée est inconnu ou n'est plus valable : scannez le QR code affiché aujourd'hui à l'accueil."];
        }
        return null;
    }
}
