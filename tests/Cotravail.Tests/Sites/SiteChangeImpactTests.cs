using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Booking;
using Microsoft.EntityFrameworkCore;
using static Cotravail.Tests.Sites.SiteChangeWorld;

namespace Cotravail.Tests.Sites;

/// <summary>
/// A manager's change that breaks promises (a closure, new hours, an archive, a lower capacity) shows what it cancels,
/// then cancels it with the change, gives back what was used and tells each person once (ADR 0040).
/// </summary>
public sealed class SiteChangeImpactTests
{
    private static Dictionary<string, string> Closure(string start, string end, string reason) => new()
    {
        ["Input.StartDate"] = start, ["Input.EndDate"] = end, ["Input.Reason"] = reason,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_closure_shows_the_booked_days_then_cancels_them_gives_the_carnet_day_back_and_mails_the_member_once(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (siteId, desks, _, _) = await PrayssacAsync(app);
        var (leaId, leaEmail, lea) = await MemberAsync(app, "lea");
        var carnet = await GiveCarnetAsync(app, leaId, siteId);
        var ninth = await BookAsync(lea, new { resourceId = desks, date = "2026-12-09", period = "day" });
        var tenth = await BookAsync(lea, new { resourceId = desks, date = "2026-12-10", period = "morning" });
        var eleventh = await BookAsync(lea, new { resourceId = desks, date = "2026-12-11", period = "day" });
        Assert.Equal(3, await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet).Select(e => e.Used).SingleAsync()));

        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/espaces/{siteId}/fermetures";
        var previewed = await manager.SubmitFormAsync(url, Closure("2026-12-09", "2026-12-10", "Travaux de fibre"));
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        var page = await previewed.ParseAsync();
        var rows = PreviewRows(page);
        Assert.Equal(2, rows.Count);
        Assert.Contains("mercredi 9 décembre 2026", rows[0], StringComparison.Ordinal);
        Assert.Contains("Test lea", rows[0], StringComparison.Ordinal);
        Assert.Contains("Espace partagé", rows[0], StringComparison.Ordinal);
        Assert.Contains("jeudi 10 décembre 2026", rows[1], StringComparison.Ordinal);
        Assert.Equal("Confirmer et annuler 2 réservations", page.QuerySelector(".impact-confirm button[name=confirmer]").Text());
        Assert.NotNull(page.QuerySelector(".impact-preview table caption"));
        // Nothing is saved until the manager confirms.
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, ninth));
        Assert.False(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.SiteId == siteId && c.Reason == "Travaux de fibre")));
        Assert.Empty(ChangeMails(app, leaEmail));

        var confirmed = await PostFormAsync(manager, url, page, ".impact-confirm", ("confirmer", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("2 réservations sont annulées", (await manager.GetDocumentAsync(url)).QuerySelector(".notice").Text(), StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, ninth));
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, tenth));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, eleventh));
        Assert.Equal(1, await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet).Select(e => e.Used).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.DeskDays.Where(d => d.ResourceId == desks && d.Date == new DateOnly(2026, 12, 9)).Select(d => d.Morning + d.Afternoon).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.SiteId == siteId && c.Reason == "Travaux de fibre")));

        var mail = Assert.Single(ChangeMails(app, leaEmail));
        Assert.Contains("Travaux de fibre", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Travaux de fibre", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("mercredi 9 décembre 2026, 8\u00a0h\u00a000 – 22\u00a0h\u00a000", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("jeudi 10 décembre 2026", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Rien ne vous est facturé", mail.TextBody, StringComparison.Ordinal);
        var link = Links(mail).First();
        var visitor = app.Browser();
        var rebook = await visitor.GetDocumentAsync(new Uri(link).PathAndQuery);
        Assert.Contains("Prayssac", rebook.QuerySelector("h1").Text(), StringComparison.Ordinal);

        // The same confirmation posted again: refused with a clear message, nothing more saved nor sent.
        var again = await PostFormAsync(manager, url, page, ".impact-confirm", ("confirmer", "true"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Une fermeture couvre déjà une partie de ces dates.", (await again.ParseAsync()).Body.Text(), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Closures.CountAsync(c => c.SiteId == siteId && c.Reason == "Travaux de fibre")));
        Assert.Single(ChangeMails(app, leaEmail));
    }

    [Fact]
    public async Task Revenir_shows_the_form_again_with_what_was_typed_and_saves_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var (siteId, desks, _, _) = await PrayssacAsync(app);
        var (_, _, lea) = await MemberAsync(app, "lea");
        var booking = await BookAsync(lea, new { resourceId = desks, date = "2026-12-09", period = "day" });
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/espaces/{siteId}/fermetures";
        var page = await (await manager.SubmitFormAsync(url, Closure("2026-12-09", "2026-12-09", "Travaux de fibre"))).ParseAsync();

        var back = await (await PostFormAsync(manager, url, page, ".impact-confirm", ("revenir", "true"))).ParseAsync();
        Assert.Null(back.QuerySelector(".impact-preview"));
        Assert.Equal("Travaux de fibre", back.QuerySelector("input[name='Input.Reason']")?.GetAttribute("value"));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, booking));
        Assert.False(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.SiteId == siteId && c.Reason == "Travaux de fibre")));
    }

    [Fact]
    public async Task A_booking_made_between_the_preview_and_the_confirmation_shows_a_new_preview_instead_of_being_cancelled_unseen()
    {
        await using var app = await TestApp.StartAsync();
        var (siteId, desks, _, _) = await PrayssacAsync(app);
        var (_, leaEmail, lea) = await MemberAsync(app, "lea");
        var (_, paulEmail, paul) = await MemberAsync(app, "paul");
        var leaBooking = await BookAsync(lea, new { resourceId = desks, date = "2026-12-09", period = "day" });
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/espaces/{siteId}/fermetures";
        var first = await (await manager.SubmitFormAsync(url, Closure("2026-12-09", "2026-12-10", "Travaux de fibre"))).ParseAsync();
        Assert.Single(PreviewRows(first));

        var paulBooking = await BookAsync(paul, new { resourceId = desks, date = "2026-12-10", period = "day" });
        var second = await (await PostFormAsync(manager, url, first, ".impact-confirm", ("confirmer", "true"))).ParseAsync();
        Assert.Contains("La liste a changé depuis votre aperçu", second.QuerySelector(".impact-preview .alert").Text(), StringComparison.Ordinal);
        Assert.Equal(2, PreviewRows(second).Count);
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, leaBooking));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, paulBooking));
        Assert.False(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.SiteId == siteId && c.Reason == "Travaux de fibre")));
        Assert.Empty(ChangeMails(app, leaEmail));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, url, second, ".impact-confirm", ("confirmer", "true"))).StatusCode);
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, leaBooking));
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, paulBooking));
        Assert.Single(ChangeMails(app, leaEmail));
        Assert.Single(ChangeMails(app, paulEmail));
    }

    [Fact]
    public async Task New_hours_with_a_lunch_closure_cancel_a_room_booking_from_8_to_22_and_keep_the_desk_morning_that_still_fits()
    {
        await using var app = await TestApp.StartAsync();
        var (siteId, desks, room, _) = await PrayssacAsync(app);
        var (_, leaEmail, lea) = await MemberAsync(app, "lea");
        var roomBooking = await BookAsync(lea, new { resourceId = room, date = "2026-12-03", start = "2026-12-03T08:00", end = "2026-12-03T22:00" });
        var morning = await BookAsync(lea, new { resourceId = desks, date = "2026-12-03", period = "morning" });
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/espaces/{siteId}/horaires";
        var hours = new Dictionary<string, string>();
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        for (var i = 0; i < 7; i++)
        {
            hours[$"Days[{i}].Day"] = days[i];
            hours[$"Days[{i}].Open"] = "true";
            hours[$"Days[{i}].Opens"] = "08:30";
            hours[$"Days[{i}].Closes"] = "12:30";
            hours[$"Days[{i}].Opens2"] = "13:30";
            hours[$"Days[{i}].Closes2"] = "18:00";
        }
        var page = await (await manager.SubmitFormAsync(url, hours)).ParseAsync();
        var row = Assert.Single(PreviewRows(page));
        Assert.Contains("Salle de la Place", row, StringComparison.Ordinal);
        Assert.Contains("jeudi 3 décembre 2026", row, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(8, 0), (await app.SiteAsync("prayssac")).OpeningHours.First().Opens);

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, url, page, ".impact-confirm", ("confirmer", "true"))).StatusCode);
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, roomBooking));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, morning));
        Assert.All((await app.SiteAsync("prayssac")).OpeningHours, h => Assert.Equal(new TimeOnly(13, 30), h.Opens2));
        Assert.Equal(0, await app.WithDbAsync(db => db.BookedSlots.CountAsync(s => s.BookingId == roomBooking)));
        var mail = Assert.Single(ChangeMails(app, leaEmail));
        Assert.Contains("nouveaux horaires", mail.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Archiving_a_resource_cancels_its_bookings_to_come_after_the_preview()
    {
        await using var app = await TestApp.StartAsync();
        var (siteId, _, room, _) = await PrayssacAsync(app);
        var (_, leaEmail, lea) = await MemberAsync(app, "lea");
        var booking = await BookAsync(lea, new { resourceId = room, date = "2026-12-04", start = "2026-12-04T10:00", end = "2026-12-04T12:00" });
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/espaces/{siteId}/ressources/{room}";
        var page = await (await manager.SubmitFormAsync(url, new Dictionary<string, string>(), "form[action*='handler=Archive']")).ParseAsync();
        Assert.Contains("Salle de la Place", Assert.Single(PreviewRows(page)), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Resources.Where(r => r.Id == room).Select(r => r.IsArchived).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, url, page, ".impact-confirm", ("confirmer", "true"))).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Resources.Where(r => r.Id == room).Select(r => r.IsArchived).SingleAsync()));
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, booking));
        Assert.Single(ChangeMails(app, leaEmail));
    }

    [Fact]
    public async Task Lowering_a_capacity_cancels_on_each_day_the_bookings_made_last()
    {
        await using var app = await TestApp.StartAsync();
        var (siteId, office, _, _) = await PrayssacAsync(app);
        var (_, leaEmail, lea) = await MemberAsync(app, "lea");
        var (_, paulEmail, paul) = await MemberAsync(app, "paul");
        var (_, annaEmail, anna) = await MemberAsync(app, "anna");
        var first = await BookAsync(lea, new { resourceId = office, date = "2026-12-07", period = "day" });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await BookAsync(anna, new { resourceId = office, date = "2026-12-07", period = "afternoon" });
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var last = await BookAsync(paul, new { resourceId = office, date = "2026-12-07", period = "morning" });
        var otherDay = await BookAsync(paul, new { resourceId = office, date = "2026-12-08", period = "day" });
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var url = $"/gestion/espaces/{siteId}/ressources/{office}";
        var form = new Dictionary<string, string> { ["Input.Kind"] = "DeskPool", ["Input.Name"] = "Espace partagé", ["Input.Capacity"] = "1" };

        var refused = await (await manager.SubmitFormAsync(url, new Dictionary<string, string>(form) { ["Input.Capacity"] = "-1" }, "main form")).ParseAsync();
        Assert.Contains("La capacité doit être comprise entre 1 et 500.", refused.Body.Text(), StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector(".impact-preview"));

        var page = await (await manager.SubmitFormAsync(url, form, "main form")).ParseAsync();
        var rows = PreviewRows(page);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Test paul", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Test anna", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(manager, url, page, ".impact-confirm", ("confirmer", "true"))).StatusCode);
        // Lea's day came first; with one place, Anna's afternoon and Paul's morning (made after) are beyond it.
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, first));
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, second));
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, last));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, otherDay));
        Assert.Equal(1, await app.WithDbAsync(db => db.Resources.Where(r => r.Id == office).Select(r => r.Capacity).SingleAsync()));
        Assert.Single(ChangeMails(app, paulEmail));
        Assert.Single(ChangeMails(app, annaEmail));
        Assert.Empty(ChangeMails(app, leaEmail));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_api_answers_409_with_the_list_then_carries_the_closure_out_with_confirm(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (siteId, desks, _, _) = await PrayssacAsync(app);
        var (_, leaEmail, lea) = await MemberAsync(app, "lea");
        var booking = await BookAsync(lea, new { resourceId = desks, date = "2026-12-09", period = "day" });
        var api = await app.ApiClientAsync(TestApp.ManagerEmail);
        var url = $"/api/v1/sites/{siteId}/closures";
        var body = new { startDate = "2026-12-09", endDate = "2026-12-10", reason = "Travaux de fibre" };

        var invalid = await api.PostJsonAsync(url, new { startDate = "2026-12-10", endDate = "2026-12-09", reason = "Travaux" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("Le dernier jour doit être le premier jour ou après.", (await invalid.JsonAsync()).GetProperty("errors").GetProperty("endDate")[0].GetString());

        var asked = await api.PostJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var problem = await asked.JsonAsync();
        var affected = problem.GetProperty("affected");
        Assert.Equal(1, affected.GetArrayLength());
        Assert.Equal($"booking:{booking}", affected[0].GetProperty("key").GetString());
        Assert.Equal("Test lea", affected[0].GetProperty("person").GetString());
        var fingerprint = problem.GetProperty("fingerprint").GetString();
        Assert.False(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.SiteId == siteId && c.Reason == "Travaux de fibre")));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, booking));

        var stale = await api.PostJsonAsync($"{url}?confirm=true&fingerprint=0000", body);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("a changé", (await stale.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        var done = await api.PostJsonAsync($"{url}?confirm=true&fingerprint={fingerprint}", body);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal($"booking:{booking}", (await done.JsonAsync()).GetProperty("cancelled")[0].GetProperty("key").GetString());
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, booking));
        Assert.Single(ChangeMails(app, leaEmail));

        var twice = await api.PostJsonAsync($"{url}?confirm=true&fingerprint={fingerprint}", body);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("Une fermeture couvre déjà une partie de ces dates.", (await twice.JsonAsync()).GetProperty("title").GetString());
        Assert.Single(ChangeMails(app, leaEmail));
    }

    [Fact]
    public async Task The_api_refuses_overlapping_hours_and_a_capacity_below_one_and_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var (siteId, desks, _, _) = await PrayssacAsync(app);
        var api = await app.ApiClientAsync(TestApp.ManagerEmail);
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/sites/{siteId}/hours", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { hours = new[] { new { day = "monday", opens = "08:30", closes = "13:00", opens2 = "12:00", closes2 = "18:00" } } }),
        };
        var overlapping = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.Equal("La seconde plage doit commencer après la fin de la première.",
            (await overlapping.JsonAsync()).GetProperty("errors").GetProperty("hours[0].opens2")[0].GetString());
        var capacity = await api.SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/v1/sites/{siteId}/resources/{desks}/capacity", UriKind.Relative))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { capacity = -1 }),
        });
        Assert.Equal(HttpStatusCode.BadRequest, capacity.StatusCode);
        var site = await app.SiteAsync("prayssac");
        Assert.Equal(7, site.OpeningHours.Count);
        Assert.Equal(6, site.Resources.Single(r => r.Id == desks).Capacity);
    }

    [Fact]
    public async Task A_closure_at_a_site_of_one_network_leaves_the_bookings_of_another_network_alone()
    {
        await using var app = await TestApp.StartAsync();
        var (siteId, desks, _, _) = await PrayssacAsync(app);
        var other = await app.CreateOtherNetworkAsync();
        await app.WithDbAsync(async db =>
        {
            var lalbenque = await db.Sites.Include(s => s.OpeningHours).SingleAsync(s => s.Id == other.Site.Id);
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                lalbenque.OpeningHours.Add(new Cotravail.Web.Features.Sites.OpeningHours { Day = day, Opens = new(8, 0), Closes = new(18, 0) });
            }
            return await db.SaveChangesAsync();
        });
        var otherDesks = await app.WithDbAsync(db => db.Resources.Where(r => r.SiteId == other.Site.Id).Select(r => r.Id).SingleAsync());
        var (_, leaEmail, lea) = await MemberAsync(app, "lea");
        var (_, marcEmail, marc) = await MemberAsync(app, "marc");
        var here = await BookAsync(lea, new { resourceId = desks, date = "2026-12-09", period = "day" });
        var there = await BookAsync(marc, new { resourceId = otherDesks, date = "2026-12-09", period = "day" });

        // The other network's manager cannot close Prayssac.
        var stranger = await app.ApiClientAsync(other.Manager.Email!);
        var refused = await stranger.PostJsonAsync($"/api/v1/sites/{siteId}/closures?confirm=true", new { startDate = "2026-12-09", endDate = "2026-12-09", reason = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var api = await app.ApiClientAsync(TestApp.ManagerEmail);
        var asked = await (await api.PostJsonAsync($"/api/v1/sites/{siteId}/closures", new { startDate = "2026-12-09", endDate = "2026-12-09", reason = "Travaux de fibre" })).JsonAsync();
        Assert.Equal(1, asked.GetProperty("affected").GetArrayLength());
        var done = await api.PostJsonAsync($"/api/v1/sites/{siteId}/closures?confirm=true", new { startDate = "2026-12-09", endDate = "2026-12-09", reason = "Travaux de fibre" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(app, here));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(app, there));
        Assert.Single(ChangeMails(app, leaEmail));
        Assert.Empty(ChangeMails(app, marcEmail));
    }

    [Fact]
    public async Task A_change_that_affects_nobody_is_saved_at_once_as_before()
    {
        await using var app = await TestApp.StartAsync();
        var (siteId, _, _, _) = await PrayssacAsync(app);
        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var saved = await manager.SubmitFormAsync($"/gestion/espaces/{siteId}/fermetures", Closure("2027-01-04", "2027-01-05", "Inventaire"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Closures.AnyAsync(c => c.SiteId == siteId && c.Reason == "Inventaire")));
    }
}
