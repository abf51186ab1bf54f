using System.Net;
using Cotravail.Tests.Accounts;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Audit;
using Cotravail.Web.Features.Billing;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Security;

/// <summary>Each network's managers read the audit lines of their network only.</summary>
public sealed class AuditScopeTests
{
    private static async Task<List<string>> JournalTextAsync(HttpClient manager, string query)
    {
        var page = await manager.GetDocumentAsync("/gestion/journal" + query);
        return [.. page.QuerySelectorAll("#journal tbody tr").Select(tr => tr.TextContent)];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_manager_reads_the_payments_closures_and_staff_changes_of_their_network_only(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (causse, lalbenque, _) = await app.CreateOtherNetworkAsync();
        var demo = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());
        var luzech = await app.SiteAsync("luzech");

        // Network 1: a host takes a payment at Luzech, its manager closes Luzech and adds a host to Prayssac.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var invoice = await scope.ServiceProvider.GetRequiredService<InvoiceIssuer>().IssueAsync(demo,
                new ClientIdentity(null, "Sophie Martin", null, TestApp.MemberEmail), [new LineRequest("Passes", 1, 4321, 2000)], CancellationToken.None);
            var host = await app.ApiClientAsync(TestApp.HostEmail);
            host.DefaultRequestHeaders.Add(TestClientAddress.Header, "192.0.2.44");
            var paid = await host.PostJsonAsync("/api/v1/payments", new { invoiceId = invoice.Id, method = "cash", amountCents = 4321, siteId = luzech.Id });
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        }
        var manager1 = app.Browser();
        await manager1.SignInAsync(TestApp.ManagerEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await manager1.SubmitFormAsync($"/gestion/espaces/{luzech.Id}/fermetures", new Dictionary<string, string>
        {
            ["Input.StartDate"] = "2027-01-11", ["Input.EndDate"] = "2027-01-12", ["Input.Reason"] = "Travaux de fibre à Luzech",
        })).StatusCode);
        await app.CreateUserAsync("lea@exemple.fr");
        var prayssac = (await app.SiteAsync("prayssac")).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await manager1.SubmitFormAsync($"/gestion/espaces/{prayssac}/equipe",
            new Dictionary<string, string> { ["Email"] = "lea@exemple.fr" }, "main form.form")).StatusCode);

        // Network 2: its manager closes its own site.
        var manager2 = app.Browser();
        await manager2.SignInAsync("gestion@causse.test");
        Assert.Equal(HttpStatusCode.Redirect, (await manager2.SubmitFormAsync($"/gestion/espaces/{lalbenque.Id}/fermetures", new Dictionary<string, string>
        {
            ["Input.StartDate"] = "2027-02-01", ["Input.EndDate"] = "2027-02-02", ["Input.Reason"] = "Inventaire du Causse",
        })).StatusCode);

        // The lines carry their network.
        var lines = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.All(lines.Where(l => l.EntityType is "Payment" or "Invoice"), l => Assert.Equal(demo, l.NetworkId));
        Assert.Single(lines, l => l.EntityType == "Closure" && l.NetworkId == causse.Id);
        Assert.Single(lines, l => l.EntityType == "Closure" && l.NetworkId == demo);

        // Network 2's manager sees none of network 1's lines, whatever the search.
        Assert.Empty(await JournalTextAsync(manager2, "?Type=Payment"));
        Assert.Empty(await JournalTextAsync(manager2, "?Type=Invoice"));
        // (Their own role, given when their network was made, is theirs to read; Léa's new role at Prayssac is not.)
        var roles2 = await JournalTextAsync(manager2, "?Type=UserRole");
        Assert.DoesNotContain(roles2, r => r.Contains("Test lea", StringComparison.Ordinal));
        Assert.Contains(roles2, r => r.Contains("Test gestion", StringComparison.Ordinal));
        Assert.Empty(await JournalTextAsync(manager2, "?Type=SiteHost"));
        var all2 = string.Join("\n", await JournalTextAsync(manager2, ""));
        Assert.Contains("Inventaire du Causse", all2, StringComparison.Ordinal);
        Assert.DoesNotContain("Luzech", all2, StringComparison.Ordinal);
        Assert.DoesNotContain("4321", all2, StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.44", all2, StringComparison.Ordinal);
        Assert.DoesNotContain("Test lea", string.Join("\n", await JournalTextAsync(manager2, "?Person=lea")), StringComparison.Ordinal);

        // Network 1's manager sees its own, and not network 2's closure.
        Assert.Single(await JournalTextAsync(manager1, "?Type=Payment"));
        Assert.Contains(await JournalTextAsync(manager1, "?Type=UserRole"), r => r.Contains("Test lea", StringComparison.Ordinal));
        Assert.DoesNotContain(await JournalTextAsync(manager1, "?Type=UserRole"), r => r.Contains("Test gestion", StringComparison.Ordinal));
        var all1 = string.Join("\n", await JournalTextAsync(manager1, "?Type=Closure"));
        Assert.Contains("Travaux de fibre à Luzech", all1, StringComparison.Ordinal);
        Assert.DoesNotContain("Inventaire du Causse", all1, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_created_with_its_resources_is_logged_with_the_ids_it_was_given()
    {
        await using var app = await TestApp.StartAsync();
        var demo = await app.WithDbAsync(db => db.Networks.Where(n => n.Slug == DemoData.NetworkSlug).Select(n => n.Id).SingleAsync());
        var site = new Site { NetworkId = demo, Name = "Castelfranc", Slug = "castelfranc", Commune = "Castelfranc", Postcode = "46140", Address = "1 place" };
        site.Resources.Add(new Resource { Kind = ResourceKind.DeskPool, Name = "Espace partagé", Capacity = 6 });
        site.OpeningHours.Add(new OpeningHours { Day = DayOfWeek.Monday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(18, 0) });
        await app.WithDbAsync(async db => { db.Sites.Add(site); return await db.SaveChangesAsync(); });

        // One save, one entry: the site, named with its parts.
        var line = Assert.Single(await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync()));
        Assert.Equal(("Site", AuditAction.Created, demo), (line.EntityType, line.Action, line.NetworkId));
        var siteId = site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(siteId, line.EntityKey);
        Assert.Equal(site.Id, line.SiteId);
        var items = AuditItem.Read(line);
        Assert.Equal(["Site", "Resource", "OpeningHours"], items.Select(i => i.Type).Order(StringComparer.Ordinal).Reverse().ToArray());
        // The new resource points to the site's real id, not the temporary one EF Core gave it before the save.
        Assert.Equal((null, siteId), Assert.Single(items, i => i.Type == "Resource").Changes["SiteId"] is var r ? (r[0], r[1]) : default);
        Assert.Equal((null, siteId), Assert.Single(items, i => i.Type == "OpeningHours").Changes["SiteId"] is var h ? (h[0], h[1]) : default);
        Assert.DoesNotContain("\"-", line.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(items, i => i.Key.StartsWith('-'));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lines_written_before_lines_had_a_network_are_given_theirs_by_the_migration_s_statements(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (causse, lalbenque, _) = await app.CreateOtherNetworkAsync();
        var luzech = await app.SiteAsync("luzech");
        var hostId = (await app.FindUserAsync(TestApp.HostEmail))!.Id;
        var at = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
        var closureId = await app.WithDbAsync(async db =>
        {
            var closure = new Closure { SiteId = lalbenque.Id, StartDate = new DateOnly(2027, 3, 1), EndDate = new DateOnly(2027, 3, 2), Reason = "Travaux" };
            db.Closures.Add(closure);
            await db.SaveChangesAsync();
            return closure.Id;
        });
        // Lines as the previous version wrote them, without a network: a closure still there, one deleted since
        // (its site is in the values kept), a host of Luzech, network 2 itself, a role (no network).
        var rows = new (string Type, string Key, string? Changes)[]
        {
            ("Closure", closureId.ToString(System.Globalization.CultureInfo.InvariantCulture), null),
            ("Closure", "999999", $"{{\"SiteId\":[\"{luzech.Id}\",null],\"Reason\":[\"Congés\",null]}}"),
            ("SiteHost", $"{luzech.Id}/{hostId}", null),
            ("Network", causse.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null),
            ("UserRole", $"{hostId}/role", null),
        };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var (type, key, changes) in rows)
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"AuditEntries\" (\"AtUtc\", \"EntityType\", \"EntityKey\", \"Action\", \"Changes\") VALUES ({at}, {type}, {key}, 'Updated', {changes})");
            }
            foreach (var statement in AuditNetworkBackfill.Statements(postgres: provider == "Postgres"))
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
        }

        var lines = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.AtUtc == at).OrderBy(e => e.Id).ToListAsync());
        var demo = luzech.NetworkId;
        Assert.Equal([causse.Id, demo, demo, causse.Id, null], lines.Select(l => l.NetworkId).ToArray());
        // The table is read-only again.
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Ip\" = 'x'")));
    }
}
