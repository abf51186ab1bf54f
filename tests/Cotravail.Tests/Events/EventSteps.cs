using System.Text.RegularExpressions;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Events;

/// <summary>Arranging events straight in the database, and reading links out of e-mails.</summary>
public static partial class EventSteps
{
    /// <summary>Thursday 10 December 2026, 18:00–20:00 in Paris.</summary>
    public static readonly DateTime DefaultStartUtc = new(2026, 12, 10, 17, 0, 0, DateTimeKind.Utc);

    public static Task<int> CreateEventAsync(
        this TestApp app, string site = "luzech", int capacity = 5, DateTime? startUtc = null, string title = "Atelier numérique",
        EventKind kind = EventKind.Workshop, EventAudience audience = EventAudience.Public, EventStatus status = EventStatus.Published,
        int priceCents = 0) =>
        app.WithDbAsync(async db =>
        {
            var siteId = await db.Sites.Where(s => s.Slug == site).Select(s => s.Id).SingleAsync();
            var start = startUtc ?? DefaultStartUtc;
            var e = new Event
            {
                SiteId = siteId, Title = title, Kind = kind, Audience = audience, Status = status, Capacity = capacity,
                StartUtc = start, EndUtc = start.AddHours(2), OrganiserName = "Julien Lafon", PriceCents = priceCents,
                Description = "Venez **découvrir** les outils.", CreatedAtUtc = start.AddDays(-30),
            };
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

    public static Task<Event> EventAsync(this TestApp app, int id) =>
        app.WithDbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Id == id));

    public static Task<List<Registration>> RegistrationsAsync(this TestApp app, int eventId) =>
        app.WithDbAsync(db => db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    /// <summary>The first link of the mail to <paramref name="path"/> (for example /agenda/inscription/annuler), as a relative URL.</summary>
    public static string LinkTo(MimeKit.MimeMessage mail, string path)
    {
        var match = LinkPattern().Matches(mail.TextBody ?? "").Select(m => new Uri(m.Value)).FirstOrDefault(u => u.AbsolutePath == path);
        Assert.True(match is not null, $"No link to {path} in:\n{mail.TextBody}");
        return match!.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
