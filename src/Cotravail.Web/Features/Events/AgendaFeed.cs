using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Events;

/// <summary>The public agenda's coming events as an iCalendar feed, with the page's filters: <c>/agenda.ics?espace=luzech&amp;type=atelier</c>.</summary>
internal static class AgendaFeed
{
    public static void MapAgendaFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/agenda.ics", async (string? espace, string? type, HttpRequest request, AgendaQuery agenda, AppDbContext db, CancellationToken ct) =>
            {
                int? siteId = null;
                if (!string.IsNullOrEmpty(espace))
                {
                    siteId = await db.Sites.Where(s => s.Slug == espace).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
                    if (siteId is null)
                    {
                        return Results.NotFound();
                    }
                }
                var kind = EventKindText.Parse(type);
                var events = await agenda.ListAsync(new AgendaFilter(siteId, kind), [], ct);
                return Results.Text(AgendaCalendar.Write(events, request.Host.Host, "Cotravail – agenda"), "text/calendar; charset=utf-8");
            })
            .ExcludeFromDescription();
}
