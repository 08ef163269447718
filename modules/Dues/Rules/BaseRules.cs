using Modular.Modules.Dues.Domain;
using Modular.Sdk;

namespace Modular.Modules.Dues.Rules;

/// <summary>A base as the office types it: the year it is for, the category and the monthly base (after-tax fixed pay, or the pension).</summary>
public sealed record BaseLine(int? Year, DuesCategory? Category, decimal? Base);

/// <summary>A hardship decision as the office types it.</summary>
public sealed record HardshipLine(HardshipKind? Kind, DateOnly? FromMonth, decimal? ReducedAmount, string? Reason, DateOnly? BranchAgreedOn, DateOnly? ApprovedOn, string? ApprovedBy);

/// <summary>
/// The amount is fixed at the start of the year: a base is entered for a year that has none (this year's, last year's
/// for back-payment, next year's), and a base already recorded for this year or an earlier one is not changed — a change
/// of pay during the year is recorded for next year. Next year's base can be changed until that year starts.
/// </summary>
public static class BaseRules
{
    public const int MaxReason = 500, MaxApprovedBy = 100;

    /// <summary>The year a new entry is for by default: this year while it has no base, else next year.</summary>
    public static int DefaultYear(DateOnly today, bool hasBaseThisYear) => hasBaseThisYear ? today.Year + 1 : today.Year;

    /// <param name="line">The entry.</param>
    /// <param name="recordedYears">The years the member has a base for already.</param>
    /// <param name="today">Today in the agency.</param>
    public static List<Problem> Check(BaseLine line, IReadOnlyCollection<int> recordedYears, DateOnly today)
    {
        var problems = new List<Problem>();
        if (line.Year is not { } year || year < today.Year - 1 || year > today.Year + 1)
            problems.Add(new("Year", "A base is entered for last year, this year or next year ({0} to {1}).", today.Year - 1, today.Year + 1));
        else if (year <= today.Year && recordedYears.Contains(year))
            problems.Add(new("Year", "The amount for {0} was fixed at the start of the year: record the new base for {1}.", year, today.Year + 1));
        if (line.Category is not { } category || !Enum.IsDefined(category)) problems.Add(new("Category", "Choose the member's category."));
        else if (DuesRates.HasBase(category)) problems.AddRange(CheckBase(line.Base, "Base"));
        return problems;
    }

    /// <summary>A base in yuan: given, above 0, at most <see cref="DuesRates.MaxBase"/>, to the fen.</summary>
    public static IEnumerable<Problem> CheckBase(decimal? value, string field)
    {
        if (value is not { } b) yield return new(field, "Enter the monthly base in yuan (after-tax fixed pay, or the pension).");
        else if (b <= 0 || b > DuesRates.MaxBase) yield return new(field, "Enter a base above 0 and at most {0:0} yuan.", DuesRates.MaxBase);
        else if (b != decimal.Round(b, 2)) yield return new(field, "Enter the amount in yuan with at most two decimals.");
    }

    /// <param name="line">The decision.</param>
    /// <param name="year">The year it is for.</param>
    /// <param name="normalAmount">The monthly amount by the base of that year.</param>
    /// <param name="today">Today in the agency.</param>
    public static List<Problem> CheckHardship(HardshipLine line, int year, decimal normalAmount, DateOnly today)
    {
        var problems = new List<Problem>();
        if (line.Kind is not { } kind || !Enum.IsDefined(kind)) problems.Add(new("Kind", "Choose reduced or exempt."));
        else if (kind == HardshipKind.Reduced)
        {
            if (line.ReducedAmount is not { } r || r <= 0 || r >= normalAmount)
                problems.Add(new("ReducedAmount", "A reduced amount is above 0 and below the normal {0:0.00} yuan.", normalAmount));
            else if (r != decimal.Round(r, 2)) problems.Add(new("ReducedAmount", "Enter the amount in yuan with at most two decimals."));
        }
        if (line.FromMonth is not { } from || from.Year != year) problems.Add(new("FromMonth", "Choose the month of {0} from which it applies.", year));
        var reason = line.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) problems.Add(new("Reason", "Record the reason for the hardship."));
        else if (reason.Length > MaxReason) problems.Add(new("Reason", "At most {0} characters.", MaxReason));
        if (line.BranchAgreedOn is not { } agreed) problems.Add(new("BranchAgreedOn", "Enter the date the branch agreed."));
        else if (agreed > today) problems.Add(new("BranchAgreedOn", "The date cannot be in the future."));
        if (line.ApprovedOn is not { } approved) problems.Add(new("ApprovedOn", "Enter the date the higher Party committee approved."));
        else if (approved > today) problems.Add(new("ApprovedOn", "The date cannot be in the future."));
        else if (line.BranchAgreedOn is { } a && approved < a) problems.Add(new("ApprovedOn", "The higher committee approves after the branch agreed."));
        var by = line.ApprovedBy?.Trim();
        if (string.IsNullOrEmpty(by)) problems.Add(new("ApprovedBy", "Enter the higher committee that approved."));
        else if (by.Length > MaxApprovedBy) problems.Add(new("ApprovedBy", "At most {0} characters.", MaxApprovedBy));
        return problems;
    }
}
