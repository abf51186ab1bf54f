using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Community;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;

namespace Cotravail.Web.Data;

/// <summary>
/// The life of the demo sites over the year: two events a month per site with their participants, and a « coup de
/// main » a month; then the coming weeks' events, so the agenda always has something ahead on whatever day the demo
/// is seeded.
/// </summary>
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
        Upcoming(db, sites, members, now, hostId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>How far ahead the demo's agenda goes, and how many events each site has in that time.</summary>
    public const int UpcomingWeeks = 6;

    /// <summary>
    /// One event a fortnight per site over the next <see cref="UpcomingWeeks"/> weeks, with a few people already
    /// registered. Drawn from a random of its own, so the past stays the same as before.
    /// </summary>
    private static void Upcoming(AppDbContext db, IReadOnlyList<Site> sites, IReadOnlyList<(AppUser User, int SiteId)> members, DateTime now, string hostId)
    {
        var random = new Random(46141);
        var today = DateOnly.FromDateTime(now);
        var n = 0;
        foreach (var site in sites)
        {
            var locals = members.Where(m => m.SiteId == site.Id).Select(m => m.User).ToList();
            var zone = SiteClock.Zone(site);
            for (var week = 0; week < UpcomingWeeks; week += 2, n++)
            {
                var day = OpenDayIn(random, site, today.AddDays(1 + 7 * week + n % 3), 7);
                var (kind, title) = Events[(n + week) % Events.Length];
                var startUtc = SiteTime.ToUtcLenient(zone, day, new TimeOnly(week % 4 == 0 ? 18 : 9, 30));
                var ev = new Event
                {
                    SiteId = site.Id, Kind = kind, Title = title, Description = $"{title}, au {site.Name}. Entrée libre, inscription conseillée.",
                    StartUtc = startUtc, EndUtc = startUtc.AddHours(2), Capacity = 15, Audience = EventAudience.Public, OrganiserKind = OrganiserKind.Host,
                    OrganiserName = site.Name, Status = EventStatus.Published, CreatedByUserId = hostId, CreatedAtUtc = now.AddDays(-random.Next(10, 25)),
                };
                foreach (var user in locals.OrderBy(_ => random.Next()).Take(random.Next(2, Math.Max(3, Math.Min(7, locals.Count + 1)))))
                {
                    ev.Registered++;
                    var at = now.AddDays(-random.Next(1, 9));
                    db.EventRegistrations.Add(new Registration
                    {
                        Event = ev, UserId = user.Id, Name = user.DisplayName, Email = user.Email ?? "", Postcode = user.Postcode,
                        Status = RegistrationStatus.Confirmed, CreatedAtUtc = at, ConfirmedAtUtc = at,
                    });
                }
                db.Events.Add(ev);
            }
        }
    }

    private static DateOnly OpenDay(Random random, Site site, DateOnly month) =>
        OpenDayIn(random, site, month, month.AddMonths(1).DayNumber - month.DayNumber);

    /// <summary>A day the site is open among the <paramref name="days"/> from <paramref name="first"/> (any day after 20 tries).</summary>
    private static DateOnly OpenDayIn(Random random, Site site, DateOnly first, int days)
    {
        for (var tries = 0; ; tries++)
        {
            var day = first.AddDays(random.Next(days));
            if (SiteCalendar.HoursOn(site, day) is not null || tries > 20)
            {
                return day;
            }
        }
    }
}
