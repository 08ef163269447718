namespace Modular.Sdk;

/// <summary>
/// The stretch of time a kept value holds for besides the agency's data (the minute of a dashboard card, the day of
/// overdue items): see <see cref="IAgencyCache.GetOrCreateAsync{T}(string, CachePeriod, Func{CancellationToken, Task{T}}, CancellationToken)"/>.
/// Since 1.6.0.
/// </summary>
public readonly record struct CachePeriod
{
    private readonly char _unit;
    private readonly long _number;

    private CachePeriod(char unit, long number) => (_unit, _number) = (unit, number);

    /// <summary>The minute (UTC) of <paramref name="now"/>.</summary>
    /// <param name="now">The time, usually from <see cref="TimeProvider"/>.</param>
    public static CachePeriod Minute(DateTimeOffset now) => new('m', now.UtcTicks / TimeSpan.TicksPerMinute);

    /// <summary>The day <paramref name="day"/>, usually the agency's today (<see cref="IAgencyClock.Today"/>).</summary>
    /// <param name="day">The day.</param>
    public static CachePeriod Day(DateOnly day) => new('d', day.DayNumber);

    /// <summary>The period before this one (the last minute, yesterday).</summary>
    public CachePeriod Previous => new(_unit, _number - 1);

    /// <summary>The period as a key part, such as "d739953" (4 December 2026).</summary>
    public override string ToString() => $"{_unit}{_number}";
}
