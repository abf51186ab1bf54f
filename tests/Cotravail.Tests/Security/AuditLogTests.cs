using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Audit;
using Cotravail.Web.Features.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Security;

public sealed class AuditLogTests
{
    private static async Task<int> InvoiceAsync(TestApp app)
    {
        var network = await app.WithDbAsync(db => db.Networks.Select(n => n.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        var invoice = await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(network,
            new ClientIdentity(null, "Sophie Martin", null, TestApp.MemberEmail), [new LineRequest("Passes", 1, 3800, 2000)], CancellationToken.None);
        return invoice.Id;
    }

    private static async Task<int> BookAsync(TestApp app, HttpClient member)
    {
        var desks = await app.WithDbAsync(db => db.Resources.Where(r => r.Site!.Slug == "luzech" && r.Name == "Espace partagé").Select(r => r.Id).SingleAsync());
        var created = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetInt32();
    }

    private static async Task<List<string[]>> JournalRowsAsync(HttpClient manager, string query = "")
    {
        var page = await manager.GetDocumentAsync("/gestion/journal" + query);
        return [.. page.QuerySelectorAll("#journal tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.Text()).ToArray())];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_payment_recorded_by_a_host_appears_in_the_journal_with_the_host_s_name_and_address(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var invoice = await InvoiceAsync(app);
        var host = await app.ApiClientAsync(TestApp.HostEmail);
        host.DefaultRequestHeaders.Add(TestClientAddress.Header, "192.0.2.44");
        var site = (await app.SiteAsync("luzech")).Id;

        var paid = await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice, method = "cash", amountCents = 1500, siteId = site });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);

        var manager = app.Browser();
        await manager.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        var hostName = (await app.FindUserAsync(TestApp.HostEmail))!.DisplayName;
        var rows = await JournalRowsAsync(manager, "?Type=Payment");
        var row = Assert.Single(rows);
        Assert.Equal(hostName, row[1]);
        Assert.Equal("192.0.2.44", row[2]);
        Assert.Equal("Création", row[3]);
        Assert.StartsWith("Paiement créé · n° ", row[4], StringComparison.Ordinal);
        Assert.Contains("Montant : 15,00 €", row[6], StringComparison.Ordinal);
        Assert.Contains("Moyen de paiement : espèces", row[6], StringComparison.Ordinal);
        Assert.DoesNotContain("AmountCents", row[6], StringComparison.Ordinal);

        // The invoice issued by the application itself is there too, as « Cotravail (automatique) ».
        Assert.Contains(await JournalRowsAsync(manager, "?Type=Invoice"), r => r[1] == "Cotravail (automatique)" && r[3] == "Création");
        // Searching by person finds the host's line.
        Assert.Contains(await JournalRowsAsync(manager, "?Person=" + Uri.EscapeDataString(TestApp.HostEmail)), r => r[4].StartsWith("Paiement", StringComparison.Ordinal));
        Assert.Empty(await JournalRowsAsync(manager, "?Type=Payment&From=2026-12-02"));
        Assert.Single(await JournalRowsAsync(manager, "?Type=Payment&From=2026-12-01&To=2026-12-01"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_cancelling_their_own_booking_is_not_logged_but_a_host_cancelling_it_is(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var member = await app.ApiClientAsync(TestApp.MemberEmail);
        var host = await app.ApiClientAsync(TestApp.HostEmail);

        var own = await BookAsync(app, member);
        Assert.Equal(HttpStatusCode.OK, (await member.DeleteAsync(new Uri($"/api/v1/bookings/{own}", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityType == "Booking")));

        var other = await BookAsync(app, member);
        Assert.Equal(HttpStatusCode.OK, (await host.DeleteAsync(new Uri($"/api/v1/bookings/{other}", UriKind.Relative))).StatusCode);
        var entry = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.EntityType == "Booking"));
        var hostId = (await app.FindUserAsync(TestApp.HostEmail))!.Id;
        Assert.Equal(hostId, entry.ActorId);
        Assert.Equal((await app.FindUserAsync(TestApp.MemberEmail))!.Id, entry.SubjectUserId);
        Assert.Equal(other.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityKey);
        Assert.Contains("\"Status\":[\"Confirmed\",\"Cancelled\"]", entry.Changes, StringComparison.Ordinal);

        var manager = app.Browser();
        await manager.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        var row = Assert.Single(await JournalRowsAsync(manager, "?Type=Booking"));
        Assert.Equal("Sophie Martin", row[5]);
    }

    [Fact]
    public async Task A_manager_making_someone_a_host_logs_the_role_and_the_team()
    {
        await using var app = await TestApp.StartAsync();
        var newcomer = await app.CreateUserAsync("lea@exemple.fr");
        var manager = app.Browser();
        await manager.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        var site = (await app.SiteAsync("prayssac")).Id;

        var added = await manager.SubmitFormAsync($"/gestion/espaces/{site}/equipe", new Dictionary<string, string> { ["Email"] = "lea@exemple.fr" }, "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var managerId = (await app.FindUserAsync(TestApp.ManagerEmail))!.Id;
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.ActorId == managerId).ToListAsync());
        var role = Assert.Single(entries, e => e.EntityType == "UserRole");
        Assert.Equal(AuditAction.Created, role.Action);
        Assert.Equal(newcomer.Id, role.SubjectUserId);
        Assert.Contains("\"Role\":[null,\"Host\"]", role.Changes, StringComparison.Ordinal);
        Assert.Single(entries, e => e.EntityType == "SiteHost" && e.SubjectUserId == newcomer.Id);

        var rows = await JournalRowsAsync(manager, "?Type=UserRole");
        Assert.Contains(rows, r => r[4].StartsWith("Rôle créé", StringComparison.Ordinal) && r[6].Contains("Rôle : animateur·rice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registering_or_changing_nothing_of_others_writes_no_line()
    {
        await using var app = await TestApp.StartAsync();
        await app.RegisterAndConfirmAsync("lea@exemple.fr");
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_journal_is_read_only_for_the_application_and_the_database(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await InvoiceAsync(app);
        var count = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        Assert.True(count > 0);

        // The page has no handler that writes, and no API serves the journal.
        Assert.DoesNotContain(typeof(JournalModel).GetMethods(), m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) || m.Name.StartsWith("OnPut", StringComparison.Ordinal) || m.Name.StartsWith("OnDelete", StringComparison.Ordinal));
        var endpoints = app.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "").ToList();
        Assert.DoesNotContain(endpoints, e => e.StartsWith("api", StringComparison.OrdinalIgnoreCase) && (e.Contains("audit", StringComparison.OrdinalIgnoreCase) || e.Contains("journal", StringComparison.OrdinalIgnoreCase)));
        var manager = app.Browser();
        await manager.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);
        await manager.SubmitFormAsync("/gestion/journal", new Dictionary<string, string>(), "header form[action='/langue']", "/gestion/journal");
        Assert.Equal(count, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // Through EF Core, and straight in SQL, a line can be neither changed nor deleted.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var line = await db.AuditEntries.FirstAsync();
        line.ActorId = "quelqu'un d'autre";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"ActorId\" = 'x'"));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Equal(count, await app.WithDbAsync(d => d.AuditEntries.CountAsync(e => e.ActorId == null)));
    }

    [Fact]
    public async Task Only_managers_read_the_journal()
    {
        await using var app = await TestApp.StartAsync();
        var host = app.Browser();
        await host.LogInAsync(TestApp.HostEmail, TestApp.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await host.GetAsync(new Uri("/gestion/journal", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync(new Uri("/gestion/journal", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_journal_is_paged_fifty_lines_at_a_time_and_refuses_odd_searches_in_French()
    {
        await using var app = await TestApp.StartAsync();
        await app.WithDbAsync(async db =>
        {
            var network = await db.Networks.Select(n => n.Id).SingleAsync();
            for (var i = 0; i < 60; i++)
            {
                db.AuditEntries.Add(new AuditEntry { NetworkId = network, AtUtc = new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc).AddMinutes(i), EntityType = "Product", EntityKey = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = AuditAction.Updated });
            }
            return await db.SaveChangesAsync();
        });
        var manager = app.Browser();
        await manager.LogInAsync(TestApp.ManagerEmail, TestApp.DemoPassword);

        var first = await manager.GetDocumentAsync("/gestion/journal?Type=Product");
        Assert.Equal(50, first.QuerySelectorAll("#journal tbody tr").Length);
        Assert.Equal("Produit modifié · n° 59", first.QuerySelector("#journal tbody tr td:nth-child(5)").Text());
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await manager.GetDocumentAsync(next);
        Assert.Equal(10, second.QuerySelectorAll("#journal tbody tr").Length);
        Assert.Null(second.QuerySelector("a[rel=next]"));

        var odd = await manager.GetDocumentAsync("/gestion/journal?Type=Nimporte&From=2026-12-05&To=2026-12-01");
        Assert.Equal("Choisissez un type dans la liste.", odd.ErrorFor("Type"));
        Assert.Equal("La date de fin doit suivre la date de début.", odd.QuerySelector("#To-error").Text());
        Assert.Empty(odd.QuerySelectorAll("#journal tbody tr"));
    }
}
