using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Cotravail.Tests.Infrastructure;
using Cotravail.Web.Common.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Observability;

/// <summary>One measurement of a Cotravail instrument: its name, value and attributes.</summary>
internal sealed record Measured(string Name, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    public bool Has(params (string Key, string Value)[] tags) => tags.All(t => Tags.TryGetValue(t.Key, out var v) && v == t.Value);
}

/// <summary>
/// What the meter <c>Cotravail</c> of one test app records, as a monitoring tool would read it. Other apps run in the
/// same process: only the instruments of this app's meter factory are heard.
/// </summary>
internal sealed class RecordedMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _seen = new();

    public RecordedMetrics(TestApp app)
    {
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CotravailMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Add(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Add(i, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measured> All => [.. _seen];

    /// <summary>The sum of the counter's measurements that carry all of <paramref name="tags"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] tags) =>
        _seen.Where(m => m.Name == name && m.Has(tags)).Sum(m => m.Value);

    /// <summary>Reads the observable gauges now, as a scrape does; returns the value of <paramref name="name"/>, or null.</summary>
    public double? Observe(string name)
    {
        var before = _seen.Count;
        _listener.RecordObservableInstruments();
        return _seen.Skip(before).LastOrDefault(m => m.Name == name)?.Value;
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var (key, tag) in tags)
        {
            copy[key] = tag?.ToString();
        }
        _seen.Enqueue(new Measured(instrument.Name, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}
