using System.Net;
using Cotravail.Tests.Billing;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Production;
using Cotravail.Web.Features.Billing.Entitlements;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cotravail.Tests.Booking;

/// <summary>
/// On PostgreSQL the one-batch desk booking decides in SQL whether the member has nothing to take (ADR 0024): it must
/// say so exactly when the general way would find no day and no category to use.
/// </summary>
public sealed class PlainDeskBookingTests
{
    [PostgresFact]
    public async Task The_batch_finds_something_to_take_exactly_when_the_general_way_does()
    {
        await using var app = await TestApp.StartAsync("Postgres");
        var site = await app.SiteAsync("luzech");
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.MemberEmail).Select(u => u.Id).SingleAsync());
        var december = new DateOnly(2026, 12, 3);
        var seen = new List<(string Case, bool General, bool Batch)>();
        async Task CompareAsync(string situation, DateOnly date, bool expected)
        {
            bool general, batch;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var services = scope.ServiceProvider;
                var db = services.GetRequiredService<Cotravail.Web.Data.AppDbContext>();
                general = await services.GetRequiredService<BookingCover>().HasCoverOptionsAsync(member, site.NetworkId, date, CancellationToken.None);
                await db.Database.OpenConnectionAsync();
                await using var command = new NpgsqlCommand(
                    $"SELECT NOT ({BookingCover.NothingToTakeSql("$1", "$2", "$3")})", (NpgsqlConnection)db.Database.GetDbConnection());
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = member, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
                command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = site.NetworkId });
                command.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = date });
                batch = (bool)(await command.ExecuteScalarAsync())!;
            }
            seen.Add((situation, general, batch));
            Assert.Equal(expected, general);
        }

        await CompareAsync("nothing bought", december, false);
        var carnet = (await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Carnet)).Entitlements.Single();
        await CompareAsync("a carnet", december, true);
        await CompareAsync("before the carnet starts", carnet.StartsOn.AddDays(-1), false);
        await CompareAsync("the carnet's last day", carnet.ExpiresOn, true);
        await CompareAsync("after the carnet", carnet.ExpiresOn.AddDays(1), false);
        await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Used, e => e.Days!.Value)));
        await CompareAsync("a carnet used up", december, false);
        await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Used, e => e.Days!.Value - 1)));
        await CompareAsync("the carnet's last day left", december, true);
        await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Used, e => e.Days!.Value)));
        await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Subscription);
        await CompareAsync("a subscription (no count of days)", december, true);
        await app.WithDbAsync(db => db.Entitlements.ExecuteUpdateAsync(s => s.SetProperty(e => e.Used, e => e.Days ?? 0).SetProperty(e => e.ExpiresOn, december.AddDays(-1))));
        await CompareAsync("everything over", december, false);

        // What belongs to another network, or to another member, is nothing to take.
        var other = await app.WithDbAsync(async db =>
        {
            var network = new Cotravail.Web.Features.Sites.Network { Name = "Autre réseau", Slug = "autre-reseau", LegalName = "Autre", LegalAddress = "1 place de la Mairie" };
            db.Networks.Add(network);
            await db.SaveChangesAsync();
            return network.Id;
        });
        var host = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.HostEmail).Select(u => u.Id).SingleAsync());
        async Task CopyCarnetAsync(int networkId, string userId) => await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Entitlements" ("NetworkId", "SiteId", "ProductId", "UserId", "Kind", "Name", "Days", "Used", "StartsOn", "ExpiresOn", "InvoiceId", "CreatedAtUtc")
            SELECT {networkId}, "SiteId", "ProductId", {userId}, "Kind", "Name", 10, 0, {december.AddDays(-1)}, {december.AddDays(30)}, "InvoiceId", "CreatedAtUtc"
            FROM "Entitlements" WHERE "Id" = {carnet.Id}
            """));
        await CopyCarnetAsync(other, member);
        await CompareAsync("a carnet of another network", december, false);
        await CopyCarnetAsync(site.NetworkId, host);
        await CompareAsync("another member's carnet", december, false);
        await app.WithDbAsync(async db =>
        {
            db.MemberCategoryGrants.Add(new MemberCategoryGrant
            {
                NetworkId = other, UserId = member, Category = MemberCategory.Student, ValidatedByUserId = member, ValidatedAtUtc = TestApp.DefaultNow.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        await CompareAsync("a category in another network", december, false);
        await app.WithDbAsync(async db =>
        {
            db.MemberCategoryGrants.Add(new MemberCategoryGrant
            {
                NetworkId = site.NetworkId, UserId = member, Category = MemberCategory.Student, ValidatedByUserId = member, ValidatedAtUtc = TestApp.DefaultNow.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        await CompareAsync("a validated category", december, true);

        Assert.All(seen, s => Assert.True(s.General == s.Batch, $"{s.Case}: the general way says {s.General}, the batch {s.Batch}"));
    }

    [PostgresFact]
    public async Task A_member_with_a_carnet_books_a_desk_with_it_and_without_a_carnet_pays_the_price()
    {
        await using var app = await TestApp.StartAsync("Postgres");
        // A site whose id is not its network's: the batch must ask about the network, not the site.
        var site = await app.SiteAsync("prayssac");
        Assert.NotEqual(site.Id, site.NetworkId);
        var desks = await ProductsAndEntitlementsTests.DesksAsync(app, "prayssac");
        var member = await app.ApiClientAsync(TestApp.MemberEmail);

        var paid = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-02", period = "day" });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.True((await paid.JsonAsync()).GetProperty("priceCents").GetInt32() > 0);

        var carnet = (await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Carnet)).Entitlements.Single();
        var covered = await member.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "day" });
        Assert.Equal(HttpStatusCode.Created, covered.StatusCode);
        Assert.Equal(0, (await covered.JsonAsync()).GetProperty("priceCents").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.Entitlements.Where(e => e.Id == carnet.Id).Select(e => e.Used).SingleAsync()));
        // The batch that found the carnet wrote nothing: one booking, one desk taken, one confirmation for that day.
        Assert.Equal(2, await app.WithDbAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.DeskDays.Where(d => d.ResourceId == desks && d.Date == new DateOnly(2026, 12, 3)).Select(d => d.Morning).SingleAsync()));
        Assert.Equal(2, app.Mails().Count(m => m.Subject?.StartsWith("Réservation confirmée", StringComparison.Ordinal) == true));
    }
}
