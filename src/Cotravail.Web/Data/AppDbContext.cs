using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Data;

/// <summary>
/// The one database of Cotravail. Each provider has its own subclass (<see cref="SqliteAppDbContext"/>,
/// <see cref="PostgresAppDbContext"/>) so that each keeps its own migrations set (ADR 0002).
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Network> Networks => Set<Network>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();
    public DbSet<Closure> Closures => Set<Closure>();
    public DbSet<SiteHost> SiteHosts => Set<SiteHost>();
    public DbSet<NetworkManager> NetworkManagers => Set<NetworkManager>();
    public DbSet<Features.Booking.Booking> Bookings => Set<Features.Booking.Booking>();
    public DbSet<BookingSeries> BookingSeries => Set<BookingSeries>();
    public DbSet<DeskDay> DeskDays => Set<DeskDay>();
    public DbSet<BookedHalf> BookedHalves => Set<BookedHalf>();
    public DbSet<BookedSlot> BookedSlots => Set<BookedSlot>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Registration> EventRegistrations => Set<Registration>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
