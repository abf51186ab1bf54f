using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Events.Impact;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Sites.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Events;

/// <summary>What a closure, new hours or the archiving of a site do to its events and coaching slots (Events' ISiteChangeImpact).</summary>
public sealed class EventsSiteChangeImpactTests
{
    /// <summary>10 December 2026, 10:00–12:00 in Paris.</summary>
    private static readonly DateTime MorningUtc = new(2026, 12, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_closure_over_an_event_day_lists_each_person_then_cancels_the_event_without_mailing_and_leaves_other_networks_alone()
    {
        await using var app = await TestApp.StartAsync();
        var (_, lalbenque, _) = await app.CreateOtherNetworkAsync();
        var luzech = (await app.SiteAsync("luzech")).Id;
        var closed = await app.CreateEventAsync(capacity: 2, title: "Atelier Canva");
        await app.SeedPeopleAsync(closed, confirmed: 2, waitlisted: 1);
        var coaching = await app.CreateEventAsync(capacity: 1, kind: EventKind.Coaching, title: "Conseil création", startUtc: MorningUtc);
        await app.SeedPeopleAsync(coaching, confirmed: 1, prefix: "rdv.");
        var later = await app.CreateEventAsync(startUtc: EventSteps.DefaultStartUtc.AddDays(3), title: "Après les travaux");
        await app.SeedPeopleAsync(later, confirmed: 1, prefix: "apres.");
        var elsewhere = await app.CreateEventAsync(site: "lalbenque", title: "Atelier du Causse");
        await app.SeedPeopleAsync(elsewhere, confirmed: 1, prefix: "causse.");
        var change = new ClosureChange(luzech, new DateOnly(2026, 12, 9), new DateOnly(2026, 12, 10), "Travaux de fibre");

        var found = await FindAsync(app, change);
        var cancelled = await CancelAsync(app, change);

        Assert.Equal(
            ["Accompagnement|Conseil création|Inscrit 1|rdv.inscrit.1@exemple.fr",
             "Événement (liste d'attente)|Atelier Canva|Attente 1|attente.1@exemple.fr",
             "Événement|Atelier Canva|Inscrit 1|inscrit.1@exemple.fr",
             "Événement|Atelier Canva|Inscrit 2|inscrit.2@exemple.fr"],
            found.Select(i => $"{i.Kind}|{i.What}|{i.PersonName}|{i.Email}").Order());
        Assert.All(found, i => Assert.StartsWith("registration:", i.Key, StringComparison.Ordinal));
        Assert.All(found, i => Assert.Equal("/agenda?espace=luzech", i.RebookPath));
        Assert.Equal(found.Select(i => i.Key).Order(), cancelled.Select(i => i.Key).Order());
        Assert.Equal(EventStatus.Cancelled, (await app.EventAsync(closed)).Status);
        Assert.Equal("Fermeture de l'espace : Travaux de fibre", (await app.EventAsync(closed)).CancellationReason);
        Assert.Equal(EventStatus.Cancelled, (await app.EventAsync(coaching)).Status);
        Assert.All(await app.RegistrationsAsync(closed), r => Assert.Equal(RegistrationStatus.Cancelled, r.Status));
        Assert.Equal(EventStatus.Published, (await app.EventAsync(later)).Status);
        Assert.Equal(EventStatus.Published, (await app.EventAsync(elsewhere)).Status);
        Assert.Equal(RegistrationStatus.Confirmed, (await app.RegistrationsAsync(elsewhere)).Single().Status);
        Assert.Empty(app.CancellationMails()); // Sites writes one e-mail per person
        var page = await app.Browser().GetDocumentAsync($"/agenda/{closed}");
        Assert.Contains("Travaux de fibre", page.QuerySelector("#annule").Text());

        // The other network's own closure finds its event only.
        var causse = await FindAsync(app, change with { SiteId = lalbenque.Id });
        Assert.Equal(["causse.inscrit.1@exemple.fr"], causse.Select(i => i.Email));
    }

    [Fact]
    public async Task New_hours_cancel_the_sessions_held_within_the_old_hours_that_no_longer_fit_and_leave_evening_events()
    {
        await using var app = await TestApp.StartAsync();
        var luzech = await app.SiteAsync("luzech");
        var morning = await app.CreateEventAsync(startUtc: MorningUtc, title: "Matinée numérique"); // Thursday 10:00–12:00
        await app.SeedPeopleAsync(morning, confirmed: 1);
        var afternoon = await app.CreateEventAsync(startUtc: MorningUtc.AddHours(4), title: "Après-midi"); // 14:00–16:00
        await app.SeedPeopleAsync(afternoon, confirmed: 1, prefix: "pm.");
        var night = await app.CreateEventAsync(startUtc: new DateTime(2026, 12, 10, 21, 0, 0, DateTimeKind.Utc), title: "Soirée jeux"); // 22:00–00:00, after closing already
        await app.SeedPeopleAsync(night, confirmed: 1, prefix: "nuit.");
        // Thursdays become afternoons only; the other days keep 8:00–22:00.
        var hours = luzech.OpeningHours.Select(h => h.Day == DayOfWeek.Thursday
            ? new OpeningHours { Day = h.Day, Opens = new TimeOnly(13, 30), Closes = new TimeOnly(18, 0) }
            : new OpeningHours { Day = h.Day, Opens = h.Opens, Closes = h.Closes }).ToList();
        var change = new HoursChange(luzech.Id, hours);

        var found = await FindAsync(app, change);
        var cancelled = await CancelAsync(app, change);

        Assert.Equal(["Matinée numérique"], found.Select(i => i.What));
        Assert.Equal(found.Select(i => i.Key), cancelled.Select(i => i.Key));
        Assert.Equal(EventStatus.Cancelled, (await app.EventAsync(morning)).Status);
        Assert.Equal(EventStatus.Published, (await app.EventAsync(afternoon)).Status);
        Assert.Equal(EventStatus.Published, (await app.EventAsync(night)).Status);
    }

    [Fact]
    public async Task New_hours_saved_before_the_cancellation_as_Sites_does_still_cancel_what_the_preview_found()
    {
        await using var app = await TestApp.StartAsync();
        var luzech = await app.SiteAsync("luzech");
        var morning = await app.CreateEventAsync(startUtc: MorningUtc, title: "Matinée numérique");
        await app.SeedPeopleAsync(morning, confirmed: 1);
        var afternoon = await app.CreateEventAsync(startUtc: MorningUtc.AddHours(4), title: "Après-midi");
        var change = new HoursChange(luzech.Id, [.. luzech.OpeningHours.Select(h => new OpeningHours
        {
            Day = h.Day, Opens = h.Day == DayOfWeek.Thursday ? new TimeOnly(13, 30) : h.Opens, Closes = h.Day == DayOfWeek.Thursday ? new TimeOnly(18, 0) : h.Closes,
        })]);

        IReadOnlyList<AffectedItem> found = [], cancelled = [];
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            found = await Source(sp).FindAsync(change, CancellationToken.None);
            var thursday = await db.Set<OpeningHours>().SingleAsync(h => h.SiteId == luzech.Id && h.Day == DayOfWeek.Thursday);
            (thursday.Opens, thursday.Closes) = (new TimeOnly(13, 30), new TimeOnly(18, 0));
            await db.SaveChangesAsync();
            cancelled = await Source(sp).CancelAsync(change, CancellationToken.None);
            await tx.CommitAsync();
        });

        Assert.Equal(["Matinée numérique"], found.Select(i => i.What));
        Assert.Equal(found.Select(i => i.Key), cancelled.Select(i => i.Key));
        Assert.Equal(EventStatus.Cancelled, (await app.EventAsync(morning)).Status);
        Assert.Equal(EventStatus.Published, (await app.EventAsync(afternoon)).Status);
    }

    [Fact]
    public async Task Archiving_a_site_cancels_all_its_events_to_come_even_those_nobody_joined_and_resources_change_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var luzech = await app.SiteAsync("luzech");
        var empty = await app.CreateEventAsync(title: "Personne encore");
        var full = await app.CreateEventAsync(startUtc: EventSteps.DefaultStartUtc.AddDays(40), title: "En janvier");
        await app.SeedPeopleAsync(full, confirmed: 1);
        var past = await app.CreateEventAsync(startUtc: TestApp.DefaultNow.UtcDateTime.AddDays(-2), title: "Passé");
        var prayssac = await app.CreateEventAsync(site: "prayssac", title: "À Prayssac");

        var resource = await FindAsync(app, new ResourceArchivedChange(luzech.Id, luzech.Resources.First().Id));
        var capacity = await FindAsync(app, new CapacityChange(luzech.Id, luzech.Resources.First().Id, 0));
        var found = await FindAsync(app, new SiteArchivedChange(luzech.Id));
        var cancelled = await CancelAsync(app, new SiteArchivedChange(luzech.Id));

        Assert.Empty(resource);
        Assert.Empty(capacity);
        var nobody = Assert.Single(found, i => i.What == "Personne encore");
        Assert.Equal($"event:{empty}", nobody.Key);
        Assert.Null(nobody.Email);
        Assert.Equal(["En janvier", "Personne encore"], found.Select(i => i.What).Order());
        Assert.Equal(found.Select(i => i.Key).Order(), cancelled.Select(i => i.Key).Order());
        Assert.Equal(EventStatus.Cancelled, (await app.EventAsync(empty)).Status);
        Assert.Equal(EventStatus.Cancelled, (await app.EventAsync(full)).Status);
        Assert.Equal(EventStatus.Published, (await app.EventAsync(past)).Status);
        Assert.Equal(EventStatus.Published, (await app.EventAsync(prayssac)).Status);
    }

    private static async Task<IReadOnlyList<AffectedItem>> FindAsync(TestApp app, SiteChange change)
    {
        IReadOnlyList<AffectedItem> items = [];
        await app.WithScopeAsync(async sp => items = await Source(sp).FindAsync(change, CancellationToken.None));
        return items;
    }

    /// <summary>As Sites does on confirmation: inside its own transaction.</summary>
    private static async Task<IReadOnlyList<AffectedItem>> CancelAsync(TestApp app, SiteChange change)
    {
        IReadOnlyList<AffectedItem> items = [];
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            items = await Source(sp).CancelAsync(change, CancellationToken.None);
            await tx.CommitAsync();
        });
        return items;
    }

    /// <summary>Events' source, as Sites finds it among every registered one.</summary>
    private static ISiteChangeImpact Source(IServiceProvider sp) =>
        sp.GetServices<ISiteChangeImpact>().Single(s => s is EventsSiteChangeImpact);
}
