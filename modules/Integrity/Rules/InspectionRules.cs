using Modular.Sdk;

namespace Modular.Modules.Integrity.Rules;

/// <summary>
/// What an inspection and its findings must satisfy. Problems are (field, English message key, arguments), localised by
/// the page; the page reads what the checks need (today, the departments, who is on the roster) and passes it in.
/// </summary>
public static class InspectionRules
{
    public const int MaxTarget = 100, MaxSummary = 2000, MaxFinding = 1000;

    /// <param name="DateUnreadable">A date was posted but not understood.</param>
    public sealed record Header(DateOnly? Date, bool DateUnreadable, string? Target, int? TargetOrganizationId, string? Summary);

    /// <summary>One finding row as posted (already trimmed); <paramref name="DeadlineUnreadable"/> when a deadline was posted but not understood.</summary>
    public sealed record Finding(string? Text, int? OwnerMemberId, DateOnly? Deadline, bool DeadlineUnreadable = false);

    /// <summary>The inspection's own fields: a date not in the future, a target, an organisation of the agency, a summary not too long. Fields are those of the form ("Date", "Target", …).</summary>
    /// <param name="departments">Ids of the organisations an inspection may name.</param>
    public static List<Problem> CheckHeader(Header input, DateOnly today, IReadOnlySet<int> departments)
    {
        var problems = new List<Problem>();
        if (input.Date is null) problems.Add(new("Date", input.DateUnreadable ? "Please enter a valid date." : "Please enter the date of the inspection."));
        else if (input.Date > today) problems.Add(new("Date", "An inspection is recorded after it took place: the date cannot be in the future."));
        if (string.IsNullOrEmpty(input.Target)) problems.Add(new("Target", "Please name the window or department inspected."));
        else if (input.Target.Length > MaxTarget) problems.Add(new("Target", "The target can be at most 100 characters."));
        if (input.TargetOrganizationId is { } org && !departments.Contains(org)) problems.Add(new("TargetOrganizationId", "Please choose an organisation of this agency."));
        if (input.Summary?.Trim().Length > MaxSummary) problems.Add(new("Summary", "The summary can be at most 2000 characters."));
        return problems;
    }

    /// <summary>
    /// Rows with a finding need an owner still on the roster and a deadline on or after the inspection; empty rows are
    /// skipped, a row with only an owner or a deadline is not. Fields are <c>{prefix}[i].Finding</c> and so on.
    /// </summary>
    /// <param name="ownersOnRoster">Those of the rows' owners who are on the agency's roster.</param>
    /// <param name="inspected">The inspection's date, if known.</param>
    public static List<Problem> CheckFindings(IReadOnlyList<Finding> findings, string prefix, IReadOnlySet<int> ownersOnRoster, DateOnly? inspected)
    {
        var problems = new List<Problem>();
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            if (string.IsNullOrEmpty(f.Text))
            {
                if (f.OwnerMemberId is not null || f.Deadline is not null) problems.Add(new($"{prefix}[{i}].Finding", "Please describe the finding, or clear the row."));
                continue;
            }
            if (f.Text.Length > MaxFinding) problems.Add(new($"{prefix}[{i}].Finding", "A finding can be at most 1000 characters."));
            if (f.OwnerMemberId is not { } owner || !ownersOnRoster.Contains(owner)) problems.Add(new($"{prefix}[{i}].OwnerMemberId", "Please choose who rectifies it."));
            if (f.Deadline is null) problems.Add(new($"{prefix}[{i}].Deadline", f.DeadlineUnreadable ? "Please enter a valid date." : "Please enter the deadline."));
            else if (inspected is { } d && f.Deadline < d) problems.Add(new($"{prefix}[{i}].Deadline", "The deadline cannot be before the inspection."));
        }
        return problems;
    }

    /// <summary>
    /// One finding added to a recorded inspection: every field is required, and an empty finding says so for each field
    /// that is missing, not only the first; otherwise the row is checked as in <see cref="CheckFindings"/>.
    /// </summary>
    public static List<Problem> CheckAddedFinding(Finding finding, string prefix, IReadOnlySet<int> ownersOnRoster, DateOnly inspected)
    {
        if (!string.IsNullOrEmpty(finding.Text)) return CheckFindings([finding], prefix, ownersOnRoster, inspected);
        var problems = new List<Problem> { new($"{prefix}[0].Finding", "Please describe the finding.") };
        if (finding.OwnerMemberId is null) problems.Add(new($"{prefix}[0].OwnerMemberId", "Please choose who rectifies it."));
        if (finding.Deadline is null) problems.Add(new($"{prefix}[0].Deadline", finding.DeadlineUnreadable ? "Please enter a valid date." : "Please enter the deadline."));
        return problems;
    }
}
