using Cotravail.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Web.Common.Mail;

/// <summary>
/// Sends the outbox's due mails, a batch at a time. A batch is claimed by one conditional update, so that of several
/// instances (or two runs) only one sends a mail; a sent mail is deleted. A mail that fails is tried again later, each
/// wait four times the last (1 minute, 4, 16… at most 12 hours), and given up after <see cref="MaxAttempts"/> tries,
/// about two days; a mail that can never go (an address that cannot be read, a server's permanent refusal) is given
/// up at once. When the application stops, the run finishes the message in hand, records what went out and gives the
/// rest back. A run cut short anyway (the process killed) leaves its claim to expire: its unsent mails go out later,
/// and a mail handed over just before may go out twice.
/// </summary>
public sealed partial class MailDispatcher(
    IServiceScopeFactory scopes, MailTransport transport, TimeProvider clock, Observability.CotravailMetrics metrics, ILogger<MailDispatcher> logger)
{
    public const int BatchSize = 100;
    public const int MaxAttempts = 10;
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(15);
    private readonly SemaphoreSlim _running = new(1, 1);

    public static TimeSpan WaitAfter(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(12 * 60, Math.Pow(4, Math.Max(0, attempts - 1))));

    /// <summary>Sends every mail due now, batch after batch (one run at a time in this process); returns how many went out.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            var sent = 0;
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var (run, batch) = await ClaimAsync(db, ct);
                using var span = Observability.Tracing.MailSend(batch.Count);
                sent += await SendAsync(db, run, batch, ct);
                if (batch.Count < BatchSize || ct.IsCancellationRequested)
                {
                    return sent;
                }
            }
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<(Guid Run, List<OutboxMail> Batch)> ClaimAsync(AppDbContext db, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var run = Guid.NewGuid();
        var until = now + ClaimFor;
        var due = db.OutboxMails.Where(m => m.DueAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.DueAtUtc).ThenBy(m => m.Id).Take(BatchSize).Select(m => m.Id);
        // The oldest due first, read along the DueAtUtc index: with a backlog of thousands, the claim stops after the
        // first hundred instead of sorting them all.
        // The condition is checked again on each row as it is updated: a row another run has just claimed is skipped.
        // On SQLite the dispatcher's writes queue with the others (WriteGate) instead of sleeping on a locked file.
        using var gate = await WriteGate.EnterAsync(db, ct);
        var claimed = await db.OutboxMails
            .Where(m => due.Contains(m.Id) && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, run).SetProperty(m => m.ClaimedUntilUtc, until), ct);
        return (run, claimed == 0 ? [] : await db.OutboxMails.AsNoTracking().Where(m => m.ClaimedBy == run).OrderBy(m => m.Id).ToListAsync(ct));
    }

    // Once claimed, what happened is recorded even when the application is stopping (CancellationToken.None), and
    // only on rows this run still holds.
    private async Task<int> SendAsync(AppDbContext db, Guid run, List<OutboxMail> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return 0;
        }
        var readable = batch.Select(m => (Row: m, Mail: MailOutbox.Read(m))).ToList();
        var results = await transport.SendAsync(
            [.. readable.Where(r => r.Mail is not null).Select(r => (r.Mail!, r.Row.Id, r.Row.CreatedAtUtc))], ct);
        var sent = new List<long>();
        var untried = new List<long>();
        var i = 0;
        foreach (var (row, mail) in readable)
        {
            var error = mail is null ? new FormatException("The stored message cannot be read.") : results[i++];
            if (error is null)
            {
                sent.Add(row.Id);
            }
            else if (error is OperationCanceledException)
            {
                untried.Add(row.Id);
            }
            else
            {
                await FailedAsync(db, run, row, error, abandon: mail is null || MailTransport.IsPermanent(error));
            }
        }
        using var gate = await WriteGate.EnterAsync(db, CancellationToken.None);
        await db.OutboxMails.Where(m => sent.Contains(m.Id) && m.ClaimedBy == run).ExecuteDeleteAsync(CancellationToken.None);
        metrics.MailSent(sent.Count);
        if (untried.Count > 0)
        {
            await db.OutboxMails.Where(m => untried.Contains(m.Id) && m.ClaimedBy == run).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
        }
        return sent.Count;
    }

    private async Task FailedAsync(AppDbContext db, Guid run, OutboxMail row, Exception error, bool abandon)
    {
        var attempts = row.Attempts + 1;
        using var gate = await WriteGate.EnterAsync(db, CancellationToken.None);
        var mine = db.OutboxMails.Where(m => m.Id == row.Id && m.ClaimedBy == run);
        metrics.MailFailed(givenUp: abandon || attempts >= MaxAttempts);
        if (abandon || attempts >= MaxAttempts)
        {
            LogAbandoned(logger, error, row.Id, row.To, attempts);
            await mine.ExecuteDeleteAsync(CancellationToken.None);
            return;
        }
        var next = clock.GetUtcNow().UtcDateTime + WaitAfter(attempts);
        var message = error.Message.Length > 500 ? error.Message[..500] : error.Message;
        LogRetry(logger, error, row.Id, row.To, attempts, next);
        await mine.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.DueAtUtc, next).SetProperty(m => m.LastError, message)
            .SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {Id} to {To} not sent (try {Attempts}); next try at {Next:u}.")]
    private static partial void LogRetry(ILogger logger, Exception e, long id, string to, int attempts, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {Id} to {To} given up after {Attempts} tries.")]
    private static partial void LogAbandoned(ILogger logger, Exception e, long id, string to, int attempts);
}

/// <summary>Runs the dispatcher when a mail is written in this instance, and every 10 seconds for the others' and the retries.</summary>
internal sealed partial class MailDispatchWorker(MailDispatcher dispatcher, MailSignal signal, TimeProvider clock, ILogger<MailDispatchWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Waits first: at start, the database may still be migrating.
                await signal.WaitAsync(Poll, clock, stoppingToken);
                await dispatcher.DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the database may be away for a moment: the next run tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRunFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A run of the mail dispatcher failed; the next one will try again.")]
    private static partial void LogRunFailed(ILogger logger, Exception e);
}
