using Cotravail.Web.Data;
using Cotravail.Web.Features.Events;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Access.Wifi;

/// <summary>The Wi-Fi login and code of an event's guests, with the hours they work.</summary>
public sealed record EventWifiView(string Login, string Code, DateTime FromUtc, DateTime UntilUtc, Sites.Site Site);

/// <summary>
/// For the event's staff, on its participants page: <c>@await Component.InvokeAsync("EventWifi", new { eventId })</c>.
/// Nothing is written when the event's site has no Wi-Fi set up or the event is cancelled.
/// </summary>
public sealed class EventWifiViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int eventId)
    {
        var ct = HttpContext.RequestAborted;
        var e = await db.Events.AsNoTracking().Include(x => x.Site).FirstOrDefaultAsync(x => x.Id == eventId && x.Status != EventStatus.Cancelled, ct);
        var secret = e is null ? null : await db.WifiSites().Where(w => w.SiteId == e.SiteId).Select(w => w.GuestSecret).FirstOrDefaultAsync(ct);
        if (e?.Site is null || secret is null)
        {
            return Content("");
        }
        return View("/Features/Access/Wifi/_EventWifi.cshtml",
            new EventWifiView(WifiRules.GuestLogin(e.Id), WifiRules.GuestCode(secret, e.Id, e.StartUtc), e.StartUtc - WifiRules.GuestEarly, e.EndUtc, e.Site));
    }
}
