using Cotravail.Web.Common.Calendar;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events.Agenda;

/// <summary>« Ajouter à mon agenda » for one event: <c>/agenda/{id}.ics</c> (for whoever may see the event), Google Agenda and Outlook.</summary>
public static class EventCalendarLinks
{
    /// <param name="root">The site's address (scheme and host), for the link back to the event's page.</param>
    public static CalendarLinks For(Event e, string root)
    {
        ArgumentNullException.ThrowIfNull(e);
        var location = e.IsOnline ? e.OnlineUrl : e.Site is null ? null : $"{e.Site.Name}, {e.Site.Address}";
        var page = $"{root}/agenda/{e.Id}";
        var text = EventText.ToPlainText(e.Description);
        // The link to the page first: a cut description still leads to the whole of it.
        var details = text.Length == 0 ? page : $"{page}\n\n{text}";
        return CalendarLinks.For(CalendarItem.Timed(e.Title, e.StartUtc, e.EndUtc, details, location), $"/agenda/{e.Id}.ics", e.Title);
    }

    public static void MapEventIcs(this IEndpointRouteBuilder app) =>
        app.MapGet("/agenda/{id:int}.ics", async (int id, HttpRequest request, Common.Security.CurrentUser me, Sites.NetworkMembership membership,
                AppDbContext db, CancellationToken ct) =>
            {
                var e = await db.Events.AsNoTracking().Include(x => x.Site).FirstOrDefaultAsync(x => x.Id == id, ct);
                if (e is null || !e.IsVisibleTo(await membership.NetworksOfAsync(me.Id, ct)))
                {
                    return Results.NotFound();
                }
                return Results.File(System.Text.Encoding.UTF8.GetBytes(AgendaCalendar.Write([e], request.Host.Host, "Cotravail")),
                    "text/calendar; charset=utf-8", $"evenement-{id}.ics");
            })
            .ExcludeFromDescription();
}
