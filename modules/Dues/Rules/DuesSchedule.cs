using Modular.Modules.Dues.Domain;

namespace Modular.Modules.Dues.Rules;

/// <summary>A year's base as the schedule needs it: the monthly amount fixed at the start of the year.</summary>
public sealed record YearAmount(int Year, decimal Monthly);

/// <summary>A hardship decision as the schedule needs it: from which month of its year, exempt or reduced to an amount.</summary>
public sealed record HardshipTerm(int Year, DateOnly FromMonth, HardshipKind Kind, decimal? ReducedAmount);

/// <summary>
/// What one member owes for each month: the amount of that year's base (fixed for the year; a base changed during a year
/// counts from the next), less a hardship decision from its month on; nothing before they joined or without a base.
/// </summary>
public sealed class DuesSchedule(IEnumerable<YearAmount> years, IEnumerable<HardshipTerm> hardships, DateOnly? joined)
{
    private readonly Dictionary<int, decimal> _years = years.GroupBy(y => y.Year).ToDictionary(g => g.Key, g => g.Last().Monthly);
    private readonly Dictionary<int, HardshipTerm> _hardships = hardships.GroupBy(h => h.Year).ToDictionary(g => g.Key, g => g.Last());

    /// <summary>The first month owed: the month of admission, if known.</summary>
    public DateOnly? FirstMonth { get; } = joined is { } j ? Months.Of(j) : null;

    /// <summary>Whether a base is recorded for the month's year (without one, nothing can be paid for it).</summary>
    public bool HasBase(DateOnly month) => _years.ContainsKey(month.Year);

    /// <summary>The amount owed for the month; null when no base is recorded for its year or the member had not joined yet.</summary>
    public decimal? Owed(DateOnly month)
    {
        month = Months.Of(month);
        if (FirstMonth is { } first && month < first) return null;
        if (!_years.TryGetValue(month.Year, out var amount)) return null;
        if (_hardships.TryGetValue(month.Year, out var h) && month >= Months.Of(h.FromMonth))
            return h.Kind == HardshipKind.Exempt ? 0m : Math.Min(amount, h.ReducedAmount ?? amount);
        return amount;
    }

    /// <summary>The first month with a base (the start of the earliest year recorded, or admission if later).</summary>
    public DateOnly? Start
    {
        get
        {
            if (_years.Count == 0) return null;
            var start = new DateOnly(_years.Keys.Min(), 1, 1);
            return FirstMonth is { } f && f > start ? f : start;
        }
    }
}
