namespace Modular.Tests.Infrastructure;

/// <summary>
/// The portal's clock in a test: the real time, moved by the test when it needs another day or hour. Time keeps
/// running (the host's timers and token lifetimes need it to), so a test that must not depend on the day sets the
/// start with <see cref="Set"/> instead of reading today's date.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock by <paramref name="by"/> (forward or back); it runs on from there.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Sets the clock to <paramref name="now"/>; it runs on from there.</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - base.GetUtcNow()).Ticks);
}
