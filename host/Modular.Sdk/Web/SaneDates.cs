namespace Modular.Sdk;

/// <summary>
/// The dates and years the portal accepts from a user: from <see cref="MinYear"/> to <see cref="MaxYear"/>. The host refuses
/// any other date in a form or query value when it is bound (with a message next to the field), so a page or rule can add
/// years to a date it was given without overflowing; a module checks the dates it reads by other means (an imported sheet,
/// an API body) with <see cref="IsSane(DateOnly)"/>, and marks a query or form value that is a calendar year with <see cref="YearAttribute"/>.
/// </summary>
public static class SaneDates
{
    /// <summary>The earliest year accepted.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year accepted; adding a term of years to an accepted date cannot overflow.</summary>
    public const int MaxYear = 2100;

    /// <summary>Whether <paramref name="year"/> lies between <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    public static bool IsSaneYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>Whether the date's year is accepted.</summary>
    public static bool IsSane(DateOnly date) => IsSaneYear(date.Year);

    /// <summary>Whether the date's year is accepted.</summary>
    public static bool IsSane(DateTime value) => IsSaneYear(value.Year);

    /// <summary>Whether the date's year is accepted.</summary>
    public static bool IsSane(DateTimeOffset value) => IsSaneYear(value.Year);

    /// <summary>The year when it is accepted, otherwise null (so the page's default year applies).</summary>
    public static int? SaneYear(int? year) => year is { } y && IsSaneYear(y) ? y : null;
}

/// <summary>
/// Marks an <see cref="int"/> form or query value as a calendar year: the host refuses a year outside
/// <see cref="SaneDates.MinYear"/>–<see cref="SaneDates.MaxYear"/> when binding it (the value stays unset and the page shows why).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class YearAttribute : Attribute;
