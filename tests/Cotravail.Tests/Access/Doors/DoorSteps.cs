using System.Net;
using Cotravail.Tests.Booking;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Access.Doors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Access.Doors;

internal static class DoorSteps
{
    /// <summary>Tuesday 1 December 2026, 07:00 in Paris: before the day's bookings start.</summary>
    public static readonly DateTimeOffset EarlyMorning = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>No background reconciliation (the tests run it), http locks on loopback, a lock's answer awaited three seconds.</summary>
    public static Task<TestApp> StartAsync(string provider = "Sqlite") => TestApp.StartAsync(provider, new Dictionary<string, string?>
    {
        ["Doors:Sync"] = "false",
        ["Doors:AllowLoopbackHttp"] = "true",
        ["Doors:TimeoutSeconds"] = "3",
        ["Reception:NoShows"] = "false",
    }, EarlyMorning);

    public static Task<int> SiteIdAsync(this TestApp app, string slug) =>
        app.WithDbAsync(db => db.Sites.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync());

    /// <summary>Sets a site's door access as the managers' page stores it.</summary>
    public static Task ConfigureDoorsAsync(this TestApp app, int siteId, DoorMode mode, LockKind lockKind = LockKind.None,
        string? url = null, long? smartlockId = null, string? secret = null) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<AppDbContext>();
        var codes = sp.GetRequiredService<DoorCodes>();
        var site = await db.Sites.SingleAsync(s => s.Id == siteId);
        var row = await db.Set<SiteDoorAccess>().FirstOrDefaultAsync(a => a.SiteId == siteId);
        if (row is null)
        {
            row = new SiteDoorAccess { SiteId = siteId, NetworkId = site.NetworkId, CodeKeyProtected = codes.Protect(DoorCodeRules.NewKey()) };
            db.Add(row);
        }
        (row.Mode, row.Lock, row.LockUrl, row.NukiSmartlockId) = (mode, lockKind, url, smartlockId);
        row.LockSecretProtected = secret is null ? null : codes.Protect(secret);
        row.UpdatedByUserId = "test";
        await db.SaveChangesAsync();
    });

    public static async Task<int> SyncDoorsAsync(this TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DoorSync>().RunAsync(CancellationToken.None);
    }

    /// <summary>The code of a booking, a subscription or a day at a site, as Cotravail computes it.</summary>
    public static async Task<string> CodeAsync(this TestApp app, int siteId, GrantKind kind, int sourceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var codes = scope.ServiceProvider.GetRequiredService<DoorCodes>();
        return codes.CodeOf((await codes.AccessAsync(siteId, CancellationToken.None))!, kind, sourceId);
    }

    public static Task<List<DoorGrant>> GrantsAsync(this TestApp app, int siteId) =>
        app.WithDbAsync(db => db.Set<DoorGrant>().AsNoTracking().Where(g => g.SiteId == siteId).OrderBy(g => g.Id).ToListAsync());

    /// <summary>The door codes « Ma carte » shows, digits only, with each line's text.</summary>
    public static async Task<List<(string Code, string Line)>> CardDoorCodesAsync(this HttpClient member)
    {
        var card = await member.GetDocumentAsync("/ma-carte");
        var section = card.QuerySelectorAll("section.card-section").FirstOrDefault(s => s.QuerySelector("h2").Text() == "Code de la porte");
        if (section is null)
        {
            return [];
        }
        return [.. section.QuerySelectorAll("dd").Select(dd => (dd.QuerySelector(".access-code").Text().Replace(" ", "", StringComparison.Ordinal),
            dd.PreviousElementSibling.Text() + " " + dd.Text()))];
    }

    public static async Task<int> BookAsync(this HttpClient member, object body)
    {
        var response = await member.PostJsonAsync("/api/v1/bookings", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetInt32();
    }

    public static async Task CancelAsync(this HttpClient member, int bookingId)
    {
        var response = await member.DeleteAsync(new Uri($"/api/v1/bookings/{bookingId}", UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static void AtParis(this TestApp app, int hour, int minute = 0) =>
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, hour - 1, minute, 0, TimeSpan.Zero));

    public static Task<int> ResourceIdAsync(this TestApp app, string site, string name) => app.ResourceAsync(site, name);
}
