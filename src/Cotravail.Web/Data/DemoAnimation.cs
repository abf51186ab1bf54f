using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Community;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Data;

/// <summary>The life of the demo sites over the year: two events a month per site with their participants, and a « coup de main » a month.</summary>
internal static class DemoAnimation
{
    private static readonly (EventKind Kind, string Title)[] Events =
    [
        (EventKind.Workshop, "Atelier : bien démarrer en télétravail"), (EventKind.Social, "Petit-déjeuner des coworkers"),
        (EventKind.Training, "Formation : les outils collaboratifs"), (EventKind.Talk, "Rencontre : entreprendre dans la vallée du Lot"),
        (EventKind.Workshop, "Atelier : gérer son temps"), (EventKind.Social, "Apéro du tiers-lieu"),
        (EventKind.Visit, "Portes ouvertes"), (EventKind.Training, "Formation : facturer quand on est indépendant"),
    ];

    private static readonly string[] Tasks =
        ["Préparer la salle pour l'atelier", "Arroser les plantes pendant les vacances", "Tenir l'accueil des portes ouvertes", "Ranger la bibliothèque"];

    public static async Task SeedAsync(AppDbContext db, Random random, IReadOnlyList<Site> sites, IReadOnlyList<(AppUser User, int SiteId)> members,
        DateOnly start, DateTime now, string hostId, CancellationToken ct)
    {
        for (var month = start; month.AddMonths(1).ToDateTime(TimeOnly.MinValue) <= now; month = month.AddMonths(1))
        {
            foreach (var site in sites)
            {
                var locals = members.Where(m => m.SiteId == site.Id && m.User.CreatedAtUtc < month.ToDateTime(TimeOnly.MinValue)).Select(m => m.User).ToList();
                if (locals.Count == 0)
                {
                    continue;
                }
                var zone = SiteClock.Zone(site);
                for (var e = 0; e < 2; e++)
                {
                    var day = OpenDay(random, site, month);
                    var (kind, title) = Events[random.Next(Events.Length)];
                    var startUtc = SiteTime.ToUtcLenient(zone, day, new TimeOnly(e == 0 ? 9 : 18, 0));
                    var ev = new Event
                    {
                        SiteId = site.Id, Kind = kind, Title = title, Description = $"{title}, au {site.Name}.", StartUtc = startUtc,
                        EndUtc = startUtc.AddHours(2), Capacity = 15, Audience = EventAudience.Public, OrganiserKind = OrganiserKind.Host,
                        OrganiserName = site.Name, Status = EventStatus.Published, CreatedByUserId = hostId, CreatedAtUtc = startUtc.AddDays(-20),
                    };
                    foreach (var user in locals.OrderBy(_ => random.Next()).Take(random.Next(3, Math.Min(13, locals.Count + 1))))
                    {
                        ev.Registered++;
                        db.EventRegistrations.Add(new Registration
                        {
                            Event = ev, UserId = user.Id, Name = user.DisplayName, Email = user.Email ?? "", Postcode = user.Postcode,
                            Status = RegistrationStatus.Confirmed, CreatedAtUtc = startUtc.AddDays(-random.Next(1, 15)),
                            ConfirmedAtUtc = startUtc.AddDays(-1), Attended = random.Next(10) > 0,
                        });
                    }
                    db.Events.Add(ev);
                }
                var taskDay = OpenDay(random, site, month);
                var task = new HelpTask
                {
                    SiteId = site.Id, Title = Tasks[random.Next(Tasks.Length)], Date = taskDay, PeopleNeeded = random.Next(2, 4),
                    CreatedByUserId = hostId, CreatedAtUtc = taskDay.AddDays(-10).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                };
                foreach (var user in locals.OrderBy(_ => random.Next()).Take(random.Next(1, task.PeopleNeeded + 1)))
                {
                    task.SignedUp++;
                    task.Signups.Add(new HelpSignup { UserId = user.Id, CreatedAtUtc = task.CreatedAtUtc.AddDays(1) });
                }
                db.HelpTasks.Add(task);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static DateOnly OpenDay(Random random, Site site, DateOnly month)
    {
        for (var tries = 0; ; tries++)
        {
            var day = month.AddDays(random.Next(month.AddMonths(1).DayNumber - month.DayNumber));
            if (SiteCalendar.HoursOn(site, day) is not null || tries > 20)
            {
                return day;
            }
        }
    }
}
