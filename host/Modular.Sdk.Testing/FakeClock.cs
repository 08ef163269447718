namespace Modular.Sdk.Testing;

/// <summary>
/// A clock the test sets and moves: a <see cref="TimeProvider"/> (for services that take the host's time provider) and the
/// SDK's <see cref="IAgencyClock"/> over it, in the agency's time zone (Asia/Shanghai unless told otherwise). Timers are
/// not faked: it only tells the time.
/// </summary>
public sealed class FakeClock : TimeProvider, IAgencyClock
{
    private DateTimeOffset _utcNow;

    /// <summary>A clock at <paramref name="now"/>.</summary>
    /// <param name="now">The instant it shows.</param>
    /// <param name="timeZone">The agency's time zone; Asia/Shanghai when null.</param>
    public FakeClock(DateTimeOffset now, TimeZoneInfo? timeZone = null)
    {
        _utcNow = now.ToUniversalTime();
        TimeZone = timeZone ?? AgencyClock.FindTimeZone(null);
    }

    /// <summary>A clock at the agency's wall-clock time <paramref name="local"/> (e.g. 9:00 on a date in Beijing).</summary>
    /// <param name="local">The wall-clock time in <paramref name="timeZone"/>.</param>
    /// <param name="timeZone">The agency's time zone; Asia/Shanghai when null.</param>
    public static FakeClock AtLocal(DateTime local, TimeZoneInfo? timeZone = null)
    {
        var zone = timeZone ?? AgencyClock.FindTimeZone(null);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new FakeClock(new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)), zone);
    }

    /// <inheritdoc />
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The agency's time zone, so that code asking the time provider for local time agrees with the agency clock.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZone;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _utcNow;

    /// <inheritdoc />
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(_utcNow, TimeZone);

    /// <inheritdoc />
    public DateTimeOffset UtcNow => _utcNow;

    /// <inheritdoc />
    public DateTime LocalNow => Now.DateTime;

    /// <inheritdoc />
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>Moves the clock to <paramref name="now"/> (backwards too).</summary>
    public void Set(DateTimeOffset now) => _utcNow = now.ToUniversalTime();

    /// <summary>Moves the clock on by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => _utcNow += by;
}
