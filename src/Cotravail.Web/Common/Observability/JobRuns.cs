using System.Diagnostics;

namespace Cotravail.Web.Common.Observability;

/// <summary>
/// A run of a background job as the metrics and traces see it: a span named for the job, then
/// <c>cotravail.job.runs</c> and <c>cotravail.job.duration</c> with its outcome. A run cut short because the
/// application stops counts for nothing; a failure is counted and passed on to the job's own handling.
/// </summary>
public sealed class JobRuns(CotravailMetrics metrics, TimeProvider clock)
{
    public async Task RunAsync(string job, Func<CancellationToken, Task> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        var start = clock.GetTimestamp();
        using var activity = Tracing.Source.StartActivity(job);
        activity?.SetTag("cotravail.job", job);
        try
        {
            await run(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            metrics.JobRun(job, succeeded: false, clock.GetElapsedTime(start));
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        metrics.JobRun(job, succeeded: true, clock.GetElapsedTime(start));
    }
}
