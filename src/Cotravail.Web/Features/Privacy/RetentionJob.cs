using Cotravail.Web.Common;
using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Features.Privacy;

/// <summary>
/// Accounts are not kept without reason (RGPD article 5, storage limitation; CNIL: three years after the last contact).
/// An account unused for <see cref="Inactivity"/> (no sign-in, no booking made, no visit) gets a warning e-mail, once;
/// without activity during the following <see cref="Grace"/>, it is deleted like by its owner (<see cref="AccountEraser"/>).
/// Any activity in between withdraws the warning. Each account is claimed in the database (a lease, one conditional
/// update that another instance cannot repeat), so several instances send each warning once and delete once.
/// </summary>
public sealed partial class RetentionJob(AppDbContext db, AccountEraser eraser, PrivacyMailer mailer, TimeProvider clock, ILogger<RetentionJob> logger)
{
    public static readonly TimeSpan Inactivity = TimeSpan.FromDays(3 * 365);
    public static readonly TimeSpan Grace = TimeSpan.FromDays(30);
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    public sealed record RunResult(int Warned, int Erased);

    public async Task<RunResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await TrackUntrackedAccountsAsync(now, ct);
        await WithdrawAnsweredWarningsAsync(ct);
        var warned = await WarnAsync(now, ct);
        var erased = await EraseAsync(now, ct);
        return new RunResult(warned, erased);
    }

    /// <summary>An account never signed in since this job exists counts from its creation.</summary>
    private async Task TrackUntrackedAccountsAsync(DateTime now, CancellationToken ct)
    {
        var cutoff = now - Inactivity;
        var untracked = await db.Users.AsNoTracking()
            .Where(u => u.CreatedAtUtc < cutoff && !db.AccountActivities.Any(a => a.UserId == u.Id))
            .Select(u => new { u.Id, u.CreatedAtUtc }).Take(500).ToListAsync(ct);
        foreach (var u in untracked)
        {
            db.AccountActivities.Add(new AccountActivity { UserId = u.Id, LastActivityUtc = u.CreatedAtUtc });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another instance, or a sign-in, wrote it first.
            }
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A booking made or a visit after the warning: the account is in use again.</summary>
    private Task<int> WithdrawAnsweredWarningsAsync(CancellationToken ct) =>
        db.AccountActivities
            .Where(a => a.ErasedAtUtc == null && a.RetentionWarnedAtUtc != null
                && (a.LastActivityUtc > a.RetentionWarnedAtUtc
                    || db.Bookings.Any(b => b.UserId == a.UserId && b.CreatedAtUtc > a.RetentionWarnedAtUtc)
                    || db.Visits.Any(v => v.UserId == a.UserId && v.ArrivedAtUtc > a.RetentionWarnedAtUtc)))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RetentionWarnedAtUtc, (DateTime?)null), ct);

    private async Task<int> WarnAsync(DateTime now, CancellationToken ct)
    {
        var cutoff = now - Inactivity;
        var claim = Guid.NewGuid();
        var claimed = await db.AccountActivities
            .Where(a => a.ErasedAtUtc == null && a.RetentionWarnedAtUtc == null && a.LastActivityUtc < cutoff
                && (a.RetentionClaimedUntilUtc == null || a.RetentionClaimedUntilUtc < now)
                && !db.Bookings.Any(b => b.UserId == a.UserId && (b.CreatedAtUtc >= cutoff || b.StartUtc >= now))
                && !db.Visits.Any(v => v.UserId == a.UserId && v.ArrivedAtUtc >= cutoff))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RetentionClaimedUntilUtc, now + Lease).SetProperty(a => a.RetentionClaimId, claim), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var mine = await db.AccountActivities.AsNoTracking().Where(a => a.RetentionClaimId == claim && a.RetentionWarnedAtUtc == null)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { u.Id, u.Email, u.FirstName }).ToListAsync(ct);
        var sent = 0;
        foreach (var person in mine)
        {
            if (person.Email is { Length: > 0 } email && !Accounts.Tombstones.IsTombstone(email))
            {
                try
                {
                    await mailer.SendRetentionWarningAsync(email, person.FirstName, now + Grace, ct);
                }
#pragma warning disable CA1031 // a failing mail server: the lease expires and a later run tries again
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogWarningFailed(logger, e, person.Id);
                    continue;
                }
            }
            await db.AccountActivities.Where(a => a.UserId == person.Id && a.RetentionClaimId == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.RetentionWarnedAtUtc, now).SetProperty(a => a.RetentionClaimedUntilUtc, (DateTime?)null), ct);
            sent++;
        }
        return sent;
    }

    private async Task<int> EraseAsync(DateTime now, CancellationToken ct)
    {
        var due = now - Grace;
        var claim = Guid.NewGuid();
        var claimed = await db.AccountActivities
            .Where(a => a.ErasedAtUtc == null && a.RetentionWarnedAtUtc != null && a.RetentionWarnedAtUtc <= due
                && a.LastActivityUtc <= a.RetentionWarnedAtUtc
                && (a.RetentionClaimedUntilUtc == null || a.RetentionClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RetentionClaimedUntilUtc, now + Lease).SetProperty(a => a.RetentionClaimId, claim), ct);
        if (claimed == 0)
        {
            return 0;
        }
        var mine = await db.AccountActivities.AsNoTracking().Where(a => a.RetentionClaimId == claim && a.ErasedAtUtc == null)
            .Select(a => a.UserId).ToListAsync(ct);
        var erased = 0;
        foreach (var userId in mine)
        {
            var result = await eraser.EraseAsync(userId, byRetention: true, ct);
            if (result.Outcome == EraseOutcome.Erased)
            {
                erased++;
            }
            else if (result.Outcome == EraseOutcome.LastManager)
            {
                LogLastManager(logger, userId, result.NetworkName ?? "");
            }
        }
        return erased;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention warning to account {UserId} could not be sent; it will be tried again.")]
    private static partial void LogWarningFailed(ILogger logger, Exception e, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inactive account {UserId} is kept: it is the last manager of the network {Network}.")]
    private static partial void LogLastManager(ILogger logger, string userId, string network);
}

/// <summary>Runs <see cref="RetentionJob"/> every few hours (<c>Privacy:RetentionIntervalHours</c>, default 6); <c>Privacy:Retention=false</c> turns it off.</summary>
public sealed class RetentionWorker(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<RetentionWorker> logger)
    : PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(Math.Max(1, config.GetValue("Privacy:RetentionIntervalHours", 6)));

    protected override string Job => "the retention of inactive accounts";

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<RetentionJob>().RunAsync(ct);
}
