using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Reception.Card;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Web.Features.Access.Wifi;

/// <summary>« Ma carte » shows the member's Wi-Fi login and personal code once some site has its Wi-Fi set up.</summary>
public sealed class WifiCardSection(AppDbContext db, WifiCodes codes, IStringLocalizer<SharedResource> t) : ICardSection
{
    public int Order => 10;

    public async Task<CardSection?> ForAsync(string userId, CancellationToken ct)
    {
        if (!await db.WifiSites().AnyAsync(ct))
        {
            return null;
        }
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (email is null)
        {
            return null;
        }
        var code = await codes.CodeOfAsync(userId, ct);
        return new CardSection(t["Wi-Fi"],
        [
            new CardLine(t["Identifiant"], email),
            new CardLine(t["Code Wi-Fi"], code, t["ou votre mot de passe Cotravail"]),
        ], t["Le Wi-Fi vous accepte dans un espace où vous avez aujourd'hui une réservation, un abonnement, un carnet ou un pass. Pour changer de code : « Mon code Wi-Fi » (/ma-carte/wifi)."]);
    }
}
