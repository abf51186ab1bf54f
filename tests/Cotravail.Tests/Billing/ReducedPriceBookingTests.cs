using System.Net;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Features.Billing.Products;
using Cotravail.Web.Features.Sites;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Billing;

/// <summary>
/// What a booking costs a member whose category a host validated: the reduced price of the site's pass or room hour,
/// unless one of their days covers it.
/// </summary>
public sealed class ReducedPriceBookingTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_validated_student_pays_the_reduced_price_until_a_carnet_covers_the_desk(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var site = await app.SiteAsync("luzech");
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.Email == TestApp.MemberEmail).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            await db.Products.Where(p => p.SiteId == site.Id && p.Kind == ProductKind.HalfDayPass).ExecuteUpdateAsync(s => s.SetProperty(p => p.StudentPriceCents, 450));
            await db.Products.Where(p => p.SiteId == site.Id && p.Kind == ProductKind.MeetingRoomHour).ExecuteUpdateAsync(s => s.SetProperty(p => p.StudentPriceCents, 600));
            db.MemberCategoryGrants.Add(new MemberCategoryGrant
            {
                NetworkId = site.NetworkId, UserId = member, Category = MemberCategory.Student, ValidatedByUserId = member, ValidatedAtUtc = TestApp.DefaultNow.UtcDateTime,
            });
            return await db.SaveChangesAsync();
        });
        var client = await app.ApiClientAsync(TestApp.MemberEmail);
        var desks = await ProductsAndEntitlementsTests.DesksAsync(app);
        var room = await app.WithDbAsync(db => db.Resources.Where(r => r.SiteId == site.Id && r.Kind == ResourceKind.MeetingRoom).Select(r => r.Id).FirstAsync());

        var halfDay = await client.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-03", period = "morning" });
        var meeting = await client.PostJsonAsync("/api/v1/bookings", new { resourceId = room, start = "2026-12-03T10:00", end = "2026-12-03T11:30" });
        var day = await client.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-04", period = "day" });

        Assert.Equal(HttpStatusCode.Created, halfDay.StatusCode);
        Assert.Equal(450, (await halfDay.JsonAsync()).GetProperty("priceCents").GetInt32());
        Assert.Equal(900, (await meeting.JsonAsync()).GetProperty("priceCents").GetInt32()); // 1 h 30 at 6,00 € an hour
        Assert.Equal(1000, (await day.JsonAsync()).GetProperty("priceCents").GetInt32()); // the demo day pass: 10,00 € for students

        await ProductsAndEntitlementsTests.SellAsync(app, ProductKind.Carnet);
        var covered = await client.PostJsonAsync("/api/v1/bookings", new { resourceId = desks, date = "2026-12-07", period = "afternoon" });
        Assert.Equal(0, (await covered.JsonAsync()).GetProperty("priceCents").GetInt32());
        Assert.Equal(1, await app.WithDbAsync(db => db.Entitlements.Where(e => e.UserId == member).Select(e => e.Used).SingleAsync()));
    }
}
