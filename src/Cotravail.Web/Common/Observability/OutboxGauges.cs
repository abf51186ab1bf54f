using System.Diagnostics.Metrics;
using Cotravail.Web.Data;

namespace Cotravail.Web.Common.Observability;

/// <summary>
/// How many mails wait in the outbox and how long the oldest has waited, as observable gauges
/// (<c>cotravail.mail.outbox.size</c>, <c>cotravail.mail.outbox.oldest_age</c>). They are read from the database when
/// a scrape or an export asks, at most once every <c>OpenTelemetry:Metrics:OutboxReadSeconds</c> (30 s): a scrape
/// every second costs one query every 30 s. The outbox is shared, so every instance shows the same figures (take the
/// largest, not the sum). While the database cannot be read, the last figures are shown, or none.
/// </summary>
public sealed partial class OutboxGauges
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _interval;
    private readonly ILogger<OutboxGauges> _logger;
    private readonly Lock _reading = new();
    private (long Count, DateTime? OldestUtc)? _last;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public OutboxGauges(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider clock, ObservabilitySettings settings, ILogger<OutboxGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(settings);
        _scopes = scopes;
        _clock = clock;
        _interval = settings.OutboxReadInterval;
        _logger = logger;
        var meter = meters.Create(CotravailMetrics.MeterName);
        meter.CreateObservableGauge("cotravail.mail.outbox.size", Size, "{mail}", "Mails waiting in the outbox, to be sent or tried again");
        meter.CreateObservableGauge("cotravail.mail.outbox.oldest_age", OldestAge, "s", "Time the oldest mail of the outbox has waited since it was written (0 when empty)");
    }

    private IEnumerable<Measurement<long>> Size() => Read() is { } read ? [new Measurement<long>(read.Count)] : [];

    private IEnumerable<Measurement<double>> OldestAge()
    {
        if (Read() is not { } read)
        {
            return [];
        }
        var age = read.OldestUtc is { } oldest ? Math.Max(0, (_clock.GetUtcNow().UtcDateTime - oldest).TotalSeconds) : 0;
        return [new Measurement<double>(age)];
    }

    private (long Count, DateTime? OldestUtc)? Read()
    {
        lock (_reading)
        {
            var now = _clock.GetUtcNow();
            if (now - _readAt < _interval)
            {
                return _last;
            }
            _readAt = now;
            try
            {
                // Called by the metrics collection, which waits for the answer: one short query, synchronous.
                using var scope = _scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var count = db.OutboxMails.LongCount();
                _last = (count, count == 0 ? null : db.OutboxMails.Min(m => (DateTime?)m.CreatedAtUtc));
            }
#pragma warning disable CA1031 // the database may be away for a moment: the last figures stay, the next read tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogReadFailed(_logger, e);
            }
            return _last;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox could not be read for its metrics; the next read tries again.")]
    private static partial void LogReadFailed(ILogger logger, Exception e);
}
