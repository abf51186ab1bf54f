namespace Cotravail.Web.Common;

/// <summary>
/// A background job run at a fixed interval on the application's clock, in a scope of its own. A failed run is logged
/// and the next one tries again (the database may be away for a moment). The jobs claim their work in the database,
/// so every instance may run them. Each run is counted, timed and traced under the class's name (<see cref="Observability.JobRuns"/>).
/// </summary>
public abstract partial class PeriodicWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The application's clock (a fake one in tests).</summary>
    protected TimeProvider Clock { get; } = clock;

    /// <summary>Time between two runs (read once, at start).</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the job does, for the log (« event reminders »).</summary>
    protected abstract string Job { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, Clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Observability.JobRuns>().RunAsync(GetType().Name, ct => RunOnceAsync(scope.ServiceProvider, ct), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // the database may be away for a moment: the next run tries again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogRunFailed(logger, e, Job);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A run of {Job} failed; the next one will try again.")]
    private static partial void LogRunFailed(ILogger logger, Exception e, string job);
}
