using Cotravail.Web.Data;
using Cotravail.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Doors;

/// <summary>The line a booking's confirmation carries at a site giving personal codes: the code and its window.</summary>
public sealed class BookingDoorCodes(AppDbContext db, DoorCodes codes) : IBookingDoorCodes
{
    public async Task<Func<Booking.Booking, string?>?> ForSiteAsync(int siteId, CancellationToken ct)
    {
        var access = await codes.AccessAsync(siteId, ct);
        if (access is not { Mode: DoorMode.PersonalCodes })
        {
            return null;
        }
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null)
        {
            return null;
        }
        var zone = Sites.SiteClock.Zone(site);
        return b =>
        {
            var window = DoorCodes.WindowOf(site, b);
            var code = DoorCodeRules.Spaced(codes.CodeOf(access, GrantKind.Booking, b.Id));
            return $"Code de la porte : {code} (valable le {Common.Format.LongDate(b.Date)} {DoorCodeRules.Describe(zone, window, French)}, à taper sur le clavier de l'entrée)";
        };
    }

    private static string French(string format, object[] args) => string.Format(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), format, args);
}
