namespace Modular.Sdk;

/// <summary>
/// The one clock of the portal: "now" and "today" in the agency's time zone (Asia/Shanghai unless the platform sets
/// another), read from the host's <see cref="TimeProvider"/> so that tests can move time. Modules and the host ask
/// this instead of <see cref="DateTime.Now"/>, <see cref="DateTime.Today"/> or <see cref="DateTimeOffset.UtcNow"/>.
/// </summary>
public interface IAgencyClock
{
    /// <summary>The time zone dates are counted in.</summary>
    TimeZoneInfo TimeZone { get; }

    /// <summary>The current instant, with the agency's offset.</summary>
    DateTimeOffset Now { get; }

    /// <summary>The current instant in UTC (for stamps stored in UTC).</summary>
    DateTimeOffset UtcNow => Now.ToUniversalTime();

    /// <summary>The agency's wall-clock time now, as stored in local date-time columns (meeting times, activity times).</summary>
    DateTime LocalNow => Now.DateTime;

    /// <summary>The agency's date today.</summary>
    DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>The agency's date at <paramref name="instant"/>.</summary>
    DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The agency's wall-clock time at <paramref name="instant"/>, for showing stamps (never the server machine's zone).</summary>
    DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>
    /// The agency's wall-clock time at a UTC stamp stored as <see cref="DateTime"/> (databases hand these back with
    /// <see cref="DateTimeKind.Unspecified"/>, which the implicit conversion to <see cref="DateTimeOffset"/> would take
    /// as the server machine's time).
    /// </summary>
    DateTimeOffset ToLocal(DateTime utc) => ToLocal(new DateTimeOffset(
        utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}

/// <summary>The <see cref="IAgencyClock"/> over a <see cref="TimeProvider"/> and a time zone.</summary>
/// <param name="time">The host's time provider (a fake one in tests).</param>
/// <param name="timeZone">The agency's time zone.</param>
public sealed class AgencyClock(TimeProvider time, TimeZoneInfo timeZone) : IAgencyClock
{
    /// <summary>The default time zone id of the portal's agencies.</summary>
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <inheritdoc />
    public TimeZoneInfo TimeZone { get; } = timeZone;

    /// <inheritdoc />
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZone);

    /// <summary>Finds a time zone by id (IANA or Windows); China Standard Time (UTC+8, no daylight saving) when the system has no time-zone data.</summary>
    /// <param name="id">The id, for example <c>Asia/Shanghai</c>; null or empty for <see cref="DefaultTimeZoneId"/>.</param>
    public static TimeZoneInfo FindTimeZone(string? id)
    {
        id = string.IsNullOrWhiteSpace(id) ? DefaultTimeZoneId : id.Trim();
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            if (id == DefaultTimeZoneId) return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
            throw;
        }
    }
}
