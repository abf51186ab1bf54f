using Cotravail.Web.Common;
using System.Globalization;
using Cotravail.Web.Common.Mail;
using Cotravail.Web.Data;
using Cotravail.Web.Features.Billing.Products;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Billing.Entitlements;

/// <summary>
/// An e-mail to the member a week before a carnet or a month of subscription ends (a carnet only while days remain),
/// once per entitlement: a run claims its reminders with one conditional update under its own mark (a lease another
/// instance cannot take), sends them, and marks each one sent; a failed send is tried again when the lease expires.
/// </summary>
public sealed partial class ExpiryReminders(AppDbContext db, IMailSender mail, TimeProvider clock, ILogger<ExpiryReminders> logger)
{
    public const int DaysAhead = 7;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Sends the reminders due now; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, Zone));
        var horizon = today.AddDays(DaysAhead);
        var claimUntil = now + Lease;
        var claim = Guid.NewGuid();
        var claimed = await db.Entitlements
            .Where(e => e.ExpiryReminderSentAtUtc == null
                && (e.ExpiryReminderClaimedUntilUtc == null || e.ExpiryReminderClaimedUntilUtc < now)
                && e.ExpiresOn >= today && e.ExpiresOn <= horizon && e.StartsOn <= today
                && (e.Days == null || e.Used < e.Days))
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ExpiryReminderClaimedUntilUtc, claimUntil)
                .SetProperty(e => e.ExpiryReminderClaimId, claim), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var mine = await db.Entitlements.AsNoTracking()
            .Where(e => e.ExpiryReminderClaimId == claim && e.ExpiryReminderSentAtUtc == null)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { Entitlement = e, u.Email, u.FirstName, u.WantsReminders })
            .OrderBy(x => x.Entitlement.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var x in mine)
        {
            // Reminders turned off on « Mon compte »: settled without a mail.
            if (x.Email is not null && x.WantsReminders)
            {
                try
                {
                    await mail.SendAsync(Compose(x.Email, x.FirstName, x.Entitlement), ct);
                }
#pragma warning disable CA1031 // a failing mail server: the lease expires and a later run tries again
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogFailed(logger, e, x.Entitlement.Id);
                    continue;
                }
            }
            await db.Entitlements.Where(e => e.Id == x.Entitlement.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiryReminderSentAtUtc, now), ct);
            sent += x.WantsReminders ? 1 : 0;
        }
        return sent;
    }

    private static OutgoingMail Compose(string to, string? firstName, Entitlement e)
    {
        var end = Common.Format.LongDate(e.ExpiresOn, French);
        var what = e.Kind == ProductKind.Subscription ? "Votre abonnement" : "Votre carnet";
        var remaining = e.Remaining is { } r ? $"Il vous reste {r} journée{(r > 1 ? "s" : "")} à utiliser d'ici là.\n" : "";
        var text = $"Bonjour {firstName},\n\n{what} « {e.Name} » prend fin le {end}.\n{remaining}\n"
            + "Vous pouvez réserver vos prochaines journées, ou renouveler à l'accueil ou depuis la page « Mes droits ».\n\nÀ bientôt !\n";
        return new OutgoingMail(to, $"{what} « {e.Name} » prend fin le {end}", text);
    }

    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : TimeZoneInfo.Utc;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The expiry reminder of entitlement {EntitlementId} could not be sent; it will be tried again.")]
    private static partial void LogFailed(ILogger logger, Exception e, int entitlementId);
}

/// <summary>Runs <see cref="ExpiryReminders.SendDueAsync"/> every hour (<c>Billing:ExpiryReminderIntervalMinutes</c>, default 60).</summary>
public sealed class ExpiryReminderWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ExpiryReminderWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Billing:ExpiryReminderIntervalMinutes", 60)));

    protected override string Job => "entitlement expiry reminders";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<ExpiryReminders>().SendDueAsync(ct);
}

/// <summary>The day in metropolitan France, where the network's entitlements are counted.</summary>
public static class ParisDay
{
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var z) ? z : TimeZoneInfo.Utc;

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Of(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The day in Paris of a UTC time.</summary>
    public static DateOnly Of(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));
}
