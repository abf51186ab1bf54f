using System.Security.Cryptography;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Booking.Calendar;

/// <summary>The private calendar feed of a member: a secret URL that any calendar application can subscribe to.</summary>
public sealed class CalendarFeeds(AppDbContext db, TimeProvider clock)
{
    public async Task<string> TokenForAsync(string userId, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is not null)
        {
            return feed.Token;
        }
        feed = new CalendarFeed { UserId = userId, Token = NewToken(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        db.CalendarFeeds.Add(feed);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear(); // created at the same moment by another request
            return (await db.CalendarFeeds.AsNoTracking().FirstAsync(f => f.UserId == userId, ct)).Token;
        }
        return feed.Token;
    }

    /// <summary>A new secret: the old URL stops working at once.</summary>
    public async Task<string> RegenerateAsync(string userId, CancellationToken ct)
    {
        await db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        return await TokenForAsync(userId, ct);
    }

    /// <summary>The .ics of the feed: bookings from 30 days ago on, or null for an unknown token.</summary>
    public async Task<string?> IcsAsync(string token, string host, CancellationToken ct)
    {
        var userId = await db.CalendarFeeds.Where(f => f.Token == token).Select(f => f.UserId).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return null;
        }
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var bookings = await db.Bookings.AsNoTracking().Include(b => b.Site).Include(b => b.Resource)
            .Where(b => b.UserId == userId && b.EndUtc >= since && b.Status != BookingStatus.Cancelled)
            .OrderBy(b => b.StartUtc).Take(1000).ToListAsync(ct);
        return BookingCalendar.Write(bookings, host);
    }

    private static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
