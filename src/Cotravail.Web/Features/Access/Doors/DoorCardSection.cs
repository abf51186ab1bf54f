using Cotravail.Web.Features.Reception.Card;
using Cotravail.Web.Features.Sites;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Access.Doors;

/// <summary>« Code de la porte » on « Ma carte »: the member's codes for today, each with its hours.</summary>
public sealed class DoorCardSection(DoorCodes codes, IStringLocalizer<SharedResource> t) : ICardSection
{
    public int Order => 20;

    public async Task<CardSection?> ForAsync(string userId, CancellationToken ct)
    {
        var shown = await codes.OfMemberTodayAsync(userId, ct);
        if (shown.Count == 0)
        {
            return null;
        }
        var lines = shown
            .GroupBy(c => (c.Site.Id, c.Kind, c.SourceId))
            .Select(g =>
            {
                var first = g.First();
                var zone = SiteClock.Zone(first.Site);
                var hours = string.Join(t[" et "], g.Select(c => DoorCodeRules.Describe(zone, c.Window, (f, a) => t[f, a].Value)));
                return new CardLine(t["{0} — {1}", first.Site.Name, first.What], DoorCodeRules.Spaced(first.Code), t["valable aujourd'hui {0}", hours]);
            })
            .ToList();
        return new CardSection(t["Code de la porte"], lines,
            t["Tapez le code sur le clavier de l'entrée : il n'ouvre que pendant ces heures, et plus du tout si la réservation est annulée."]);
    }
}
