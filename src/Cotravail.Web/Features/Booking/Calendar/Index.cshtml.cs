using Cotravail.Web.Common;
using Cotravail.Web.Common.Calendar;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Cotravail.Web.Features.Booking.Calendar;

/// <summary>
/// The member's private calendar address: one-click subscriptions (webcal, Google Agenda, Outlook), the address itself
/// with a copy button, and a button to make a new one (the old one stops working).
/// </summary>
[Authorize]
public sealed class IndexModel(CalendarFeeds feeds) : LocalizedPage
{
    public const string FeedName = "Cotravail – mes réservations";

    public string FeedAddress { get; private set; } = "";
    public string Webcal => AddToCalendar.Webcal(FeedAddress);
    public string Google => AddToCalendar.GoogleSubscribe(FeedAddress);
    public string Outlook => AddToCalendar.OutlookSubscribeLink(FeedAddress, FeedName);

    [TempData]
    public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        FeedAddress = FeedUrl(await feeds.TokenForAsync(CurrentUser.RequiredId, ct));

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await feeds.RegenerateAsync(CurrentUser.RequiredId, ct);
        Notice = T["Une nouvelle adresse a été créée : l'ancienne ne fonctionne plus."];
        return Redirect("/mes-reservations/calendrier");
    }

    private string FeedUrl(string token) => $"{Request.Scheme}://{Request.Host}/calendrier/{token}.ics";
}
