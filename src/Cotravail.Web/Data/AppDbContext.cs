using Cotravail.Web.Common.Idempotency;
using Cotravail.Web.Features.Accounts;
using Cotravail.Web.Features.Booking;
using Cotravail.Web.Features.Events;
using Cotravail.Web.Features.Sites;
using Cotravail.Web.Features.Surveys;
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
    public DbSet<Features.Billing.Invoice> Invoices => Set<Features.Billing.Invoice>();
    public DbSet<Features.Billing.Dunning.InvoiceReminder> InvoiceReminders => Set<Features.Billing.Dunning.InvoiceReminder>();
    public DbSet<Features.Billing.InvoiceSequence> InvoiceSequences => Set<Features.Billing.InvoiceSequence>();
    public DbSet<Features.Billing.InvoicedBooking> InvoicedBookings => Set<Features.Billing.InvoicedBooking>();
    public DbSet<Features.Billing.InvoicedRegistration> InvoicedRegistrations => Set<Features.Billing.InvoicedRegistration>();
    public DbSet<Features.Billing.Payment> Payments => Set<Features.Billing.Payment>();
    public DbSet<Features.Billing.CashUp> CashUps => Set<Features.Billing.CashUp>();
    public DbSet<Features.Billing.Receipt> Receipts => Set<Features.Billing.Receipt>();
    public DbSet<Features.Billing.ReceiptSequence> ReceiptSequences => Set<Features.Billing.ReceiptSequence>();
    public DbSet<Features.Billing.Companies.Company> Companies => Set<Features.Billing.Companies.Company>();
    public DbSet<Features.Billing.Companies.CompanyMember> CompanyMembers => Set<Features.Billing.Companies.CompanyMember>();
    public DbSet<Features.Events.Ratings.EventRating> EventRatings => Set<Features.Events.Ratings.EventRating>();
    public DbSet<Features.Community.HelpTask> HelpTasks => Set<Features.Community.HelpTask>();
    public DbSet<Features.Community.HelpSignup> HelpSignups => Set<Features.Community.HelpSignup>();
    public DbSet<Features.Billing.Products.Product> Products => Set<Features.Billing.Products.Product>();
    public DbSet<Features.Billing.Products.MemberCategoryGrant> MemberCategoryGrants => Set<Features.Billing.Products.MemberCategoryGrant>();
    public DbSet<Features.Billing.Entitlements.Entitlement> Entitlements => Set<Features.Billing.Entitlements.Entitlement>();
    public DbSet<Features.Billing.Entitlements.CoveredBooking> CoveredBookings => Set<Features.Billing.Entitlements.CoveredBooking>();
    public DbSet<Features.Billing.Entitlements.DiscoveryDay> DiscoveryDays => Set<Features.Billing.Entitlements.DiscoveryDay>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<QuestionOption> QuestionOptions => Set<QuestionOption>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Registration> EventRegistrations => Set<Registration>();
    public DbSet<Features.Reception.Visitor> Visitors => Set<Features.Reception.Visitor>();
    public DbSet<Features.Reception.Visit> Visits => Set<Features.Reception.Visit>();
    public DbSet<Features.Reception.NoShowRun> NoShowRuns => Set<Features.Reception.NoShowRun>();
    public DbSet<Features.Reception.ArrivalKey> ArrivalKeys => Set<Features.Reception.ArrivalKey>();
    public DbSet<Features.Audit.AuditEntry> AuditEntries => Set<Features.Audit.AuditEntry>();
    public DbSet<Common.Security.RateLimiting.RateLimitCounter> RateLimitCounters => Set<Common.Security.RateLimiting.RateLimitCounter>();
    public DbSet<Features.Privacy.AccountActivity> AccountActivities => Set<Features.Privacy.AccountActivity>();
    public DbSet<Common.Mail.OutboxMail> OutboxMails => Set<Common.Mail.OutboxMail>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        UserNameKeys.Refresh(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        UserNameKeys.Refresh(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
