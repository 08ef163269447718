using System.Diagnostics.Metrics;

namespace Modular.Sdk.Testing;

/// <summary>One measurement a module recorded.</summary>
/// <param name="Instrument">The instrument's name (e.g. <c>modular.volunteer.sign_ups.no_place</c>).</param>
/// <param name="Value">The value added or recorded.</param>
/// <param name="Tags">Its tags.</param>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// The module's meters for a test, with what was measured on them: only this instance's meters are listened to, so
/// tests running at the same time do not see each other's counts. Dispose it at the end of the test.
/// </summary>
public sealed class FakeModuleMetrics : IModuleMetrics, IDisposable
{
    private readonly Dictionary<string, Meter> _meters = [];
    private readonly List<RecordedMeasurement> _measurements = [];
    private readonly Lock _lock = new();
    private readonly MeterListener _listener = new();

    /// <summary>Starts listening to the meters this instance hands out.</summary>
    public FakeModuleMetrics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            bool ours;
            lock (_lock) ours = _meters.ContainsValue(instrument.Meter);
            if (ours) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, _) => Record(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Record(i, value, tags));
        _listener.Start();
    }

    /// <summary>Everything measured so far, in order.</summary>
    public IReadOnlyList<RecordedMeasurement> Measurements
    {
        get { lock (_lock) return _measurements.ToList(); }
    }

    /// <summary>The sum of what was added to <paramref name="instrument"/> (a counter's count).</summary>
    /// <param name="instrument">The instrument's name.</param>
    public double Sum(string instrument) => Measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    /// <inheritdoc />
    public Meter For(string moduleId)
    {
        lock (_lock)
        {
            if (!_meters.TryGetValue(moduleId, out var meter)) _meters[moduleId] = meter = new Meter(ModuleMetrics.MeterName(moduleId));
            return meter;
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        lock (_lock) _measurements.Add(new RecordedMeasurement(instrument.Name, value, copy));
    }

    /// <summary>Stops listening and disposes the meters.</summary>
    public void Dispose()
    {
        _listener.Dispose();
        lock (_lock)
        {
            foreach (var meter in _meters.Values) meter.Dispose();
        }
    }
}
