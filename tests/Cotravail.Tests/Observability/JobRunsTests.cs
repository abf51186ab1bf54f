using System.Diagnostics.Metrics;
using Cotravail.Web.Common.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cotravail.Tests.Observability;

public sealed class JobRunsTests
{
    [Fact]
    public async Task A_failed_run_is_counted_as_failed_and_its_error_passed_on_and_a_stop_is_not_counted()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var outcomes = new List<string?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Name == "cotravail.job.runs" && ReferenceEquals(i.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    outcomes.Add(tag.Value?.ToString());
                }
            }
        });
        listener.Start();
        var runs = new JobRuns(new CotravailMetrics(factory), new FakeTimeProvider());

        await Assert.ThrowsAsync<TimeoutException>(() => runs.RunAsync("TestJob", _ => throw new TimeoutException(), CancellationToken.None));
        await runs.RunAsync("TestJob", _ => Task.CompletedTask, CancellationToken.None);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runs.RunAsync("TestJob", ct => Task.FromCanceled(ct), stopping.Token));

        Assert.Equal(["failed", "succeeded"], outcomes);
    }
}
