using System.Diagnostics;
using System.Runtime;

namespace Modular.Host;

/// <summary>
/// Wall and CPU time of each start-up phase, with the methods the JIT compiled in it and its time compiling them, logged
/// once at Information ("Start-up: phase X ms (CPU Y ms, JIT Z ms for N methods)") when the first request is answered:
/// what to cut when start-up is slow. Phases are marked where they end.
/// </summary>
public sealed class StartupTimings
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Phase> _phases = [];
    private Phase _last;
    private int _logged;

    private readonly record struct Phase(string Name, double Ms, double CpuMs, double JitMs, long Methods)
    {
        public static Phase Now(string name, TimeSpan wall) => new(name, wall.TotalMilliseconds, Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,
            JitInfo.GetCompilationTime().TotalMilliseconds, JitInfo.GetCompiledMethodCount());

        public Phase Minus(Phase earlier) => new(Name, Ms - earlier.Ms, CpuMs - earlier.CpuMs, JitMs - earlier.JitMs, Methods - earlier.Methods);
    }

    public StartupTimings()
    {
        // The runtime's own start and everything before the builder (Main's first lines).
        _last = Phase.Now("runtime to host setup", TimeSpan.Zero);
        _phases.Add(_last with { Ms = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds });
    }

    public void Mark(string phase)
    {
        lock (_phases)
        {
            var now = Phase.Now(phase, _clock.Elapsed);
            _phases.Add(now.Minus(_last));
            _last = now;
        }
    }

    /// <summary>Marks the first answered request and logs every phase, once.</summary>
    public void LogOnce(ILogger logger, string lastPhase)
    {
        if (Interlocked.Exchange(ref _logged, 1) != 0) return;
        Mark(lastPhase);
        lock (_phases)
        {
            foreach (var p in _phases.Append(new Phase("total", _phases.Sum(p => p.Ms), _phases.Sum(p => p.CpuMs), _phases.Sum(p => p.JitMs), _phases.Sum(p => p.Methods))))
                logger.LogInformation("Start-up: {Phase} {Milliseconds:F0} ms (CPU {CpuMilliseconds:F0} ms, JIT {JitMilliseconds:F0} ms for {Methods} methods)",
                    p.Name, p.Ms, p.CpuMs, p.JitMs, p.Methods);
        }
    }

    public bool Logged => Volatile.Read(ref _logged) != 0;
}
