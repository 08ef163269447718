namespace Modular.Tests.Infrastructure;

/// <summary>
/// The portal's clock in a test: it starts on a fixed day (<see cref="Start"/>) and runs on from there, so the suite
/// gives the same results whatever day it runs. Time keeps running (the host's timers and token lifetimes need it to);
/// a test moves it with <see cref="Set"/> or <see cref="Advance"/>.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>
    /// Wednesday 13 May 2026, 10:00 in Beijing (02:00 UTC): mid-quarter and mid-month, so that a test's few days or
    /// weeks either way stay in the quarter, while the demo data's year back crosses a year boundary; the morning
    /// keeps UTC and Beijing on the same date.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2026, 5, 13, 10, 0, 0, TimeSpan.FromHours(8));

    // One start for the whole run rather than per portal: portals that share a database (restarts, two instances)
    // then agree on the time, and it never goes back.
    private static readonly TimeSpan RunOffset = Start - System.GetUtcNow();

    private readonly TimeSpan _start;
    private long _offsetTicks;

    /// <summary>A clock from <see cref="Start"/> on.</summary>
    public TestClock() : this(RunOffset) { }

    private TestClock(TimeSpan start) => _start = start;

    /// <summary>
    /// The real time, for a portal that another process talks to: that process checks the times in the portal's tokens
    /// (issued at, expires) on its own clock, which a fake date would put years off.
    /// </summary>
    public static TestClock RealTime() => new(TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _start + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock by <paramref name="by"/> (forward or back); it runs on from there.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Sets the clock to <paramref name="now"/>; it runs on from there.</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - base.GetUtcNow() - _start).Ticks);
}
