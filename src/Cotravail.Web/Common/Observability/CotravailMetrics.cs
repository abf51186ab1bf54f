using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cotravail.Web.Common.Observability;

/// <summary>
/// Cotravail's own metrics, on the meter <c>Cotravail</c>. Their attributes say what happened, where and to what kind
/// of thing, never to whom: no person, booking, invoice or address appears in them, and each takes a handful of values
/// (a site's slug being the most numerous). Recording allocates nothing (the attribute values are literals or strings
/// the caller already holds). The feature calls one method where the thing happens; the names below are the
/// OpenTelemetry ones, which Prometheus shows with underscores and a <c>_total</c> for counters.
/// </summary>
public sealed class CotravailMetrics
{
    public const string MeterName = "Cotravail";

    private readonly Counter<long> _bookings;
    private readonly Counter<long> _payments;
    private readonly Counter<long> _paymentCents;
    private readonly Counter<long> _mailSent;
    private readonly Counter<long> _mailFailed;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;

    public CotravailMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _bookings = meter.CreateCounter<long>("cotravail.bookings", "{booking}",
            "Bookings asked for that reached the places: outcome booked, full, already_booked or discovery_refused; by resource kind and site");
        _payments = meter.CreateCounter<long>("cotravail.payments", "{payment}", "Payments recorded on invoices, by method");
        _paymentCents = meter.CreateCounter<long>("cotravail.payments.amount", "{cent}", "Sum of the payments recorded, in euro cents, by method");
        _mailSent = meter.CreateCounter<long>("cotravail.mail.sent", "{mail}", "Mails handed to the SMTP server or written to the pickup folder");
        _mailFailed = meter.CreateCounter<long>("cotravail.mail.failed", "{mail}",
            "Mails that could not be sent: outcome retry (tried again later) or given_up");
        _jobRuns = meter.CreateCounter<long>("cotravail.job.runs", "{run}", "Runs of background jobs, by job and outcome (succeeded or failed)");
        _jobDuration = meter.CreateHistogram("cotravail.job.duration", "s", "Duration of the runs of background jobs, by job and outcome",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300] });
    }

    /// <summary>The outcome of taking places for one booking (or one date of a series) at a site's resource.</summary>
    public void Booking<TOutcome, TKind>(TOutcome outcome, TKind resourceKind, string site)
        where TOutcome : struct, Enum
        where TKind : struct, Enum =>
        _bookings.Add(1, new TagList
        {
            { "outcome", Label<TOutcome>.Of(outcome) },
            { "resource.kind", Label<TKind>.Of(resourceKind) },
            { "site", site },
        });

    /// <summary>A payment recorded (committed) on an invoice.</summary>
    public void Payment<TMethod>(TMethod method, long amountCents)
        where TMethod : struct, Enum
    {
        var tags = new TagList { { "method", Label<TMethod>.Of(method) } };
        _payments.Add(1, tags);
        _paymentCents.Add(amountCents, tags);
    }

    public void MailSent(int count)
    {
        if (count > 0)
        {
            _mailSent.Add(count);
        }
    }

    public void MailFailed(bool givenUp) =>
        _mailFailed.Add(1, new KeyValuePair<string, object?>("outcome", givenUp ? "given_up" : "retry"));

    internal void JobRun(string job, bool succeeded, TimeSpan duration)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "succeeded" : "failed" } };
        _jobRuns.Add(1, tags);
        _jobDuration.Record(duration.TotalSeconds, tags);
    }
}
