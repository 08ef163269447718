using System.Diagnostics;

namespace Modular.Host;

/// <summary>
/// Wall and CPU time of each start-up phase, logged once at Information ("Start-up: phase X ms") when the first request
/// is answered: what to cut when start-up is slow. Phases are marked where they end.
/// </summary>
public sealed class StartupTimings
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Phase, double Ms, double CpuMs)> _phases = [];
    private TimeSpan _last;
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private int _logged;

    public StartupTimings()
    {
        // The runtime's own start and everything before the builder (Main's first lines).
        var process = Process.GetCurrentProcess();
        _phases.Add(("runtime to host setup", (DateTime.Now - process.StartTime).TotalMilliseconds, _lastCpu.TotalMilliseconds));
    }

    public void Mark(string phase)
    {
        lock (_phases)
        {
            var now = _clock.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            _phases.Add((phase, (now - _last).TotalMilliseconds, (cpu - _lastCpu).TotalMilliseconds));
            (_last, _lastCpu) = (now, cpu);
        }
    }

    /// <summary>Marks the first answered request and logs every phase, once.</summary>
    public void LogOnce(ILogger logger, string lastPhase)
    {
        if (Interlocked.Exchange(ref _logged, 1) != 0) return;
        Mark(lastPhase);
        lock (_phases)
        {
            foreach (var (phase, ms, cpuMs) in _phases)
                logger.LogInformation("Start-up: {Phase} {Milliseconds:F0} ms (CPU {CpuMilliseconds:F0} ms)", phase, ms, cpuMs);
            logger.LogInformation("Start-up: total {Milliseconds:F0} ms (CPU {CpuMilliseconds:F0} ms)", _phases.Sum(p => p.Ms), _phases.Sum(p => p.CpuMs));
        }
    }

    public bool Logged => Volatile.Read(ref _logged) != 0;
}
