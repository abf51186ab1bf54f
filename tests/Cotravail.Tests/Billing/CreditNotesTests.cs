using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Reception;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Billing;

/// <summary>Credit notes that undo what they cancel: per line, with a reason, after a confirmation.</summary>
public sealed class CreditNotesTests
{
    private const string AccessDenied = "/compte/acces-refuse";

    private const string Reason = "Erreur de vente : le membre voulait un abonnement.";

    private static string Url(int invoiceId) => $"/api/v1/invoices/{invoiceId}/credit-notes";

    private static async Task<JsonElement> EntitlementAsync(TestApp app, int entitlementId)
    {
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/v1/me/entitlements");
        return mine.GetProperty("entitlements").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == entitlementId);
    }

    /// <summary>Every text of a JSON answer, decoded (the API escapes accents).</summary>
    private static async Task<string> TextOfAsync(HttpResponseMessage response)
    {
        static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => [e.GetString()!],
            JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
            JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
            _ => [],
        };
        return string.Join("\n", Strings(await response.JsonAsync()));
    }

    private static async Task<int> CreditNotesOfAsync(TestApp app, int invoiceId) =>
        await app.WithDbAsync(db => db.Invoices.CountAsync(i => i.CreditedInvoiceId == invoiceId));

    /// <summary>An invoice of the demo network to the demo member, as a manager would find it.</summary>
    private static async Task<Invoice> IssueAsync(TestApp app, params LineRequest[] lines)
    {
        var (network, userId) = await app.WithDbAsync(async db => (
            await db.Sites.Where(s => s.Slug == "luzech").Select(s => s.NetworkId).SingleAsync(),
            await db.Users.Where(u => u.Email == TestApp.MemberEmail).Select(u => u.Id).SingleAsync()));
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>()
            .IssueAsync(network, new ClientIdentity(userId, "Membre de démo", null, TestApp.MemberEmail), lines, CancellationToken.None);
    }

    [Fact]
    public async Task A_manager_credits_a_carnet_on_its_invoice_page_after_a_confirmation_and_the_member_loses_its_days()
    {
        await using var app = await TestApp.StartAsync();
        var sale = await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Carnet);
        var invoice = sale.Invoice!;
        var member = app.Browser();
        await member.SignInAsync(TestApp.MemberEmail);
        Assert.Contains("10 sur 10", (await member.GetDocumentAsync("/mes-droits")).QuerySelector("table").Text(), StringComparison.Ordinal);

        var manager = app.Browser();
        await manager.SignInAsync(TestApp.ManagerEmail);
        var page = await manager.GetDocumentAsync($"/gestion/factures/{invoice.Id}");
        Assert.Contains($"Facture {invoice.Number}", page.QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/gestion/factures/{invoice.Id}/avoir']"));
        Assert.Equal("à régler", page.QuerySelector("#invoice-status").Text());

        // « Vérifier » changes nothing and says what the credit note will undo.
        var form = $"/gestion/factures/{invoice.Id}/avoir";
        var lineId = invoice.Lines.Single().Id;
        var checkedPage = await (await manager.SubmitFormAsync(form, new Dictionary<string, string>
        {
            [$"Input.Lines[{lineId}]"] = "1", ["Input.Reason"] = Reason,
        }, "main form.form", form + "?handler=Check")).ParseAsync();
        var undoes = checkedPage.QuerySelector("ul.undoes").Text();
        Assert.Contains("journées non utilisées retirées (10)", undoes, StringComparison.Ordinal);
        Assert.Contains("130,00", checkedPage.QuerySelector("table tfoot").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CreditNotesOfAsync(app, invoice.Id));

        // « Confirmer l'avoir », posted twice: one credit note.
        var confirm = checkedPage.QuerySelector("form[action*='handler=Confirm']")!;
        var fields = confirm.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var first = await manager.PostAsync(new Uri(confirm.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var again = await manager.PostAsync(new Uri(confirm.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await CreditNotesOfAsync(app, invoice.Id));

        var after = await manager.GetDocumentAsync($"/gestion/factures/{invoice.Id}");
        Assert.Contains(Reason, after.QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"a[href='/gestion/factures/{invoice.Id}/avoir']"));
        Assert.Equal("annulée par avoir", after.QuerySelector("#invoice-status").Text());
        var note = await app.WithDbAsync(db => db.Invoices.Include(i => i.Lines).SingleAsync(i => i.CreditedInvoiceId == invoice.Id));
        Assert.Equal(Reason, note.CreditReason);
        Assert.Equal(lineId, note.Lines.Single().CreditedLineId);

        var rights = (await member.GetDocumentAsync("/mes-droits")).QuerySelector("table").Text();
        Assert.DoesNotContain("10 sur 10", rights, StringComparison.Ordinal);
        Assert.Contains("10 journées retirées par l'avoir", rights, StringComparison.Ordinal);
        Assert.Equal(0, (await EntitlementAsync(app, sale.Entitlements.Single().Id)).GetProperty("remainingDays").GetInt32());
        // The booking cover no longer finds a day: the next desk booking is charged.
        var api = await app.ApiClientAsync(TestApp.MemberEmail);
        var booked = await api.PostJsonAsync("/api/v1/bookings", new { resourceId = await ProductsAndEntitlementsTests.DesksAsync(app), date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.True((await booked.JsonAsync()).GetProperty("priceCents").GetInt32() > 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_carnet_with_used_days_is_refused_then_its_unused_part_is_credited_pro_rata(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var sale = await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Carnet);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ProductsAndEntitlementsTests.DesksAsync(app);
        foreach (var day in new[] { "2026-12-02", "2026-12-03", "2026-12-04" })
        {
            Assert.Equal(HttpStatusCode.Created, (await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = day, period = "day" })).StatusCode);
        }
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var url = Url(sale.Invoice!.Id);

        var refused = await manager.PostJsonAsync(url, new { reason = Reason, confirm = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("journées déjà utilisées, 3 sur 10", await TextOfAsync(refused), StringComparison.Ordinal);
        Assert.Equal(0, await CreditNotesOfAsync(app, sale.Invoice.Id));
        Assert.Equal(7, (await EntitlementAsync(app, sale.Entitlements.Single().Id)).GetProperty("remainingDays").GetInt32());

        var preview = await manager.PostJsonAsync(url, new { reason = Reason, unusedOnly = true });
        Assert.Equal(HttpStatusCode.Conflict, preview.StatusCode);
        var problem = await preview.JsonAsync();
        Assert.Equal(9100, problem.GetProperty("totalCents").GetInt32()); // 130 € × 7/10
        Assert.Contains(problem.GetProperty("undoes").EnumerateArray(), u => u.GetString()!.Contains(
            "journées non utilisées retirées (7) ; les journées déjà utilisées (3) restent acquises", StringComparison.Ordinal));
        Assert.Equal(0, await CreditNotesOfAsync(app, sale.Invoice.Id));

        var issued = await manager.PostJsonAsync(url, new { reason = Reason, unusedOnly = true, confirm = true });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var note = (await issued.JsonAsync()).GetProperty("creditNote");
        Assert.Equal("creditNote", note.GetProperty("kind").GetString());
        Assert.Equal(9100, note.GetProperty("totalInclTaxCents").GetInt32());
        Assert.Equal(0, (await EntitlementAsync(app, sale.Entitlements.Single().Id)).GetProperty("remainingDays").GetInt32());
        // The three bookings the carnet paid for stay.
        Assert.Equal(3, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.Status == BookingStatus.Confirmed && db.CoveredBookings.Any(c => c.BookingId == b.Id))));
        // Nothing is left to credit on the line.
        var more = await manager.PostJsonAsync(url, new { reason = Reason, confirm = true });
        Assert.Equal(HttpStatusCode.BadRequest, more.StatusCode);
    }

    [Fact]
    public async Task A_subscription_month_not_begun_is_withdrawn_whole_and_the_current_one_only_for_its_days_to_come()
    {
        await using var app = await TestApp.StartAsync();
        var sale = await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Subscription, quantity: 2);
        var december = sale.Entitlements.Single(e => e.StartsOn == new DateOnly(2026, 12, 1));
        var january = sale.Entitlements.Single(e => e.StartsOn == new DateOnly(2027, 1, 1));
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        var url = Url(sale.Invoice!.Id);
        var line = sale.Invoice.Lines.Single().Id;

        var one = await manager.PostJsonAsync(url, new { reason = Reason, lines = new[] { new { lineId = line, quantity = 1 } }, confirm = true });
        Assert.Equal(HttpStatusCode.Created, one.StatusCode);
        var body = await one.JsonAsync();
        Assert.Equal(15000, body.GetProperty("creditNote").GetProperty("totalInclTaxCents").GetInt32());
        Assert.Contains(body.GetProperty("undone").EnumerateArray(), u => u.GetString()!.Contains("retiré en entier", StringComparison.Ordinal));
        var withdrawn = await app.WithDbAsync(db => db.Entitlements.AsNoTracking().SingleAsync(e => e.Id == january.Id));
        Assert.True(withdrawn.ExpiresOn < withdrawn.StartsOn);
        Assert.Equal(new DateOnly(2026, 12, 31), (await app.WithDbAsync(db => db.Entitlements.AsNoTracking().SingleAsync(e => e.Id == december.Id))).ExpiresOn);

        // December has begun: refused in full, then its 30 days to come (2 to 31 December) pro rata, rounded up to the cent.
        var refused = await manager.PostJsonAsync(url, new { reason = Reason, confirm = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("déjà commencé", await TextOfAsync(refused), StringComparison.Ordinal);
        var rest = await manager.PostJsonAsync(url, new { reason = Reason, unusedOnly = true, confirm = true });
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        Assert.Equal(14517, (await rest.JsonAsync()).GetProperty("creditNote").GetProperty("totalInclTaxCents").GetInt32()); // 150 € × 30/31 = 145,161… → 145,17
        Assert.Equal("2026-12-01", (await EntitlementAsync(app, december.Id)).GetProperty("expiresOn").GetString());
        Assert.Equal(2, await CreditNotesOfAsync(app, sale.Invoice.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_future_booking_charged_on_an_invoice_is_cancelled_and_a_past_one_stays(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ProductsAndEntitlementsTests.DesksAsync(app);
        var ids = new List<int>();
        foreach (var day in new[] { "2026-12-02", "2026-12-15" })
        {
            var booked = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = day, period = "day" });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            ids.Add((await booked.JsonAsync()).GetProperty("id").GetInt32());
        }
        var invoice = await IssueAsync(app, new LineRequest("Pass journée – Luzech – décembre 2026", 2, 1500, 0));
        await app.WithDbAsync(async db =>
        {
            db.InvoicedBookings.AddRange(ids.Select(id => new InvoicedBooking { BookingId = id, InvoiceId = invoice.Id }));
            return await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(9)); // 10 December: the 2nd is past, the 15th to come
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);

        var preview = await (await manager.PostJsonAsync(Url(invoice.Id), new { reason = Reason })).JsonAsync();
        var undoes = string.Join("\n", preview.GetProperty("undoes").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("La réservation du mardi 15 décembre 2026", undoes, StringComparison.Ordinal);
        Assert.Contains("1 réservation passée reste acquise", undoes, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == ids[1]).Select(b => b.Status).SingleAsync()));

        var issued = await manager.PostJsonAsync(Url(invoice.Id), new { reason = Reason, confirm = true });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var statuses = await app.WithDbAsync(db => db.Bookings.Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Status));
        Assert.Equal(BookingStatus.Confirmed, statuses[ids[0]]);
        Assert.Equal(BookingStatus.Cancelled, statuses[ids[1]]);
        Assert.False(await app.WithDbAsync(db => db.BookedHalves.AnyAsync(h => h.BookingId == ids[1])));
    }

    [Fact]
    public async Task A_day_pass_credit_says_what_stays_a_walk_in_visit_included()
    {
        await using var app = await TestApp.StartAsync();
        var site = await app.SiteAsync("luzech");
        var hostId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.HostEmail).Select(u => u.Id).SingleAsync());
        Invoice walkIn;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (result, invoice) = await scope.ServiceProvider.GetRequiredService<Arrivals>().WalkInAsync(
                site, new WalkInPerson(null, null, "Jeanne", "Martin", null, "46140"), PaymentMethod.Cash, hostId, CancellationToken.None);
            Assert.True(result.Ok);
            walkIn = invoice!;
        }
        var desk = await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.DayPass);
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);

        var preview = await manager.PostJsonAsync(Url(walkIn.Id), new { reason = "Wifi en panne toute la journée." });
        Assert.Equal(HttpStatusCode.Conflict, preview.StatusCode);
        Assert.Contains("La venue de Jeanne Martin le mardi 1er décembre 2026", await TextOfAsync(preview), StringComparison.Ordinal);
        var issued = await manager.PostJsonAsync(Url(walkIn.Id), new { reason = "Wifi en panne toute la journée.", confirm = true });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Visits.AnyAsync(v => v.InvoiceId == walkIn.Id && v.DepartedAtUtc == null)));
        // What was paid is now owed back: nothing is due on the invoice.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Payments>().DueCentsAsync(walkIn.Id, CancellationToken.None));
        }

        var sold = await (await manager.PostJsonAsync(Url(desk.Invoice!.Id), new { reason = Reason })).JsonAsync();
        Assert.Contains(sold.GetProperty("undoes").EnumerateArray(), u => u.GetString()!.Contains("rien d'autre à défaire", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Partial_credits_add_up_and_one_above_what_is_left_is_refused(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var invoice = await IssueAsync(app, new LineRequest("Salle de réunion, 2 h", 3, 2000, 2000), new LineRequest("Café", 1, 300, 2000));
        var room = invoice.Lines.Single(l => l.Position == 1).Id;
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);
        object Ask(int quantity) => new { reason = Reason, lines = new[] { new { lineId = room, quantity } }, confirm = true };

        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync(Url(invoice.Id), Ask(1))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostJsonAsync(Url(invoice.Id), Ask(1))).StatusCode);
        var third = await manager.PostJsonAsync(Url(invoice.Id), Ask(2));
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
        Assert.Contains("Ligne 1 : il reste 1 à créditer, pas 2.", await TextOfAsync(third), StringComparison.Ordinal);
        Assert.Equal(2, await CreditNotesOfAsync(app, invoice.Id));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(2300, await scope.ServiceProvider.GetRequiredService<Payments>().DueCentsAsync(invoice.Id, CancellationToken.None));

        var manage = app.Browser();
        await manage.SignInAsync(TestApp.ManagerEmail);
        var page = await manage.GetDocumentAsync($"/gestion/factures/{invoice.Id}");
        Assert.Contains("2 sur 3", page.QuerySelector("table").Text(), StringComparison.Ordinal);
        Assert.Contains("23,00", page.QuerySelector("dl").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credit_on_a_credit_note_an_empty_reason_and_another_networks_manager_are_refused_and_change_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var invoice = await IssueAsync(app, new LineRequest("Salle de réunion, 2 h", 1, 2000, 2000));
        var manager = await app.ApiClientAsync(TestApp.ManagerEmail);

        var empty = await manager.PostJsonAsync(Url(invoice.Id), new { reason = "  ", confirm = true });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Indiquez le motif de l'avoir.", await TextOfAsync(empty), StringComparison.Ordinal);
        var browser = app.Browser();
        await browser.SignInAsync(TestApp.ManagerEmail);
        var form = $"/gestion/factures/{invoice.Id}/avoir";
        var page = await (await browser.SubmitFormAsync(form, new Dictionary<string, string> { ["Input.Reason"] = "" }, "main form.form", form + "?handler=Check")).ParseAsync();
        Assert.Contains("Indiquez le motif de l'avoir.", page.QuerySelector(".error-summary").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CreditNotesOfAsync(app, invoice.Id));

        var (_, _, otherManager) = await app.CreateOtherNetworkAsync();
        var other = await app.ApiClientAsync(otherManager.Email!);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync(Url(invoice.Id), new { reason = Reason, confirm = true })).StatusCode);
        var otherBrowser = app.Browser();
        await otherBrowser.SignInAsync(otherManager.Email!);
        foreach (var url in new[] { $"/gestion/factures/{invoice.Id}", form })
        {
            var denied = await otherBrowser.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains(AccessDenied, denied.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostJsonAsync(Url(999_999), new { reason = Reason, confirm = true })).StatusCode);
        Assert.Equal(0, await CreditNotesOfAsync(app, invoice.Id));

        var issued = await manager.PostJsonAsync(Url(invoice.Id), new { reason = Reason, confirm = true });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var noteId = (await issued.JsonAsync()).GetProperty("creditNote").GetProperty("id").GetInt32();
        var onNote = await manager.PostJsonAsync(Url(noteId), new { reason = Reason, confirm = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, onNote.StatusCode);
        Assert.Contains("On n'émet pas d'avoir sur un avoir", await TextOfAsync(onNote), StringComparison.Ordinal);
        Assert.Contains("On n'émet pas d'avoir sur un avoir", (await browser.GetDocumentAsync($"/gestion/factures/{noteId}/avoir")).QuerySelector("main").Text(), StringComparison.Ordinal);
        Assert.Equal(0, await CreditNotesOfAsync(app, noteId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Confirmations_at_once_never_credit_more_than_was_invoiced(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var invoice = await IssueAsync(app, new LineRequest("Salle de réunion, 2 h", 2, 2000, 2000));
        var managers = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            managers.Add(await app.ApiClientAsync(TestApp.ManagerEmail));
        }
        var answers = await Task.WhenAll(managers.Select(m => m.PostJsonAsync(Url(invoice.Id), new { reason = Reason, confirm = true })));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        Assert.Equal(1, await CreditNotesOfAsync(app, invoice.Id));
        Assert.Equal(4000, await app.WithDbAsync(db => db.Invoices.Where(i => i.CreditedInvoiceId == invoice.Id).SumAsync(i => i.TotalInclTaxCents)));
    }
}
