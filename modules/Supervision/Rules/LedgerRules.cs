using Modular.Sdk;

namespace Modular.Modules.Supervision.Rules;

/// <summary>What a rectification ledger and its items must satisfy, and what is overdue.</summary>
public static class LedgerRules
{
    public const int MaxTitle = 100, MaxSource = 200, MaxText = 1000;

    /// <summary>A ledger's header: a title, where it comes from, and the day the feedback was received (not in the future).</summary>
    public static List<Problem> CheckLedger(string? title, string? source, DateOnly? receivedOn, bool receivedUnreadable, DateOnly today)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrEmpty(title)) problems.Add(new("Title", "Please enter the ledger's title."));
        else if (title.Length > MaxTitle) problems.Add(new("Title", "The title can be at most 100 characters."));
        if (string.IsNullOrEmpty(source)) problems.Add(new("Source", "Please say which inspection or feedback it comes from."));
        else if (source.Length > MaxSource) problems.Add(new("Source", "The source can be at most 200 characters."));
        if (receivedOn is not { } d) problems.Add(new("ReceivedOn", receivedUnreadable ? "Please enter a valid date." : "Please enter the day the feedback was received."));
        else if (!SaneDates.IsSane(d)) problems.Add(new("ReceivedOn", "Please enter a valid date."));
        else if (d > today) problems.Add(new("ReceivedOn", "The feedback is entered once received: the date cannot be in the future."));
        return problems;
    }

    /// <summary>An item: the problem, the measures, an owner (organisation of the agency or a member on its roster), a deadline not before the ledger.</summary>
    public static List<Problem> CheckItem(string? problem, string? measures, int? ownerOrganizationId, int? ownerMemberId, DateOnly? deadline, bool deadlineUnreadable,
        DateOnly received, IReadOnlySet<int> organizations, bool ownerOnRoster)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrEmpty(problem)) problems.Add(new("Problem", "Please describe the problem."));
        else if (problem.Length > MaxText) problems.Add(new("Problem", "The problem can be at most 1000 characters."));
        if (string.IsNullOrEmpty(measures)) problems.Add(new("Measures", "Please enter the rectification measures."));
        else if (measures.Length > MaxText) problems.Add(new("Measures", "The measures can be at most 1000 characters."));
        if (ownerOrganizationId is null && ownerMemberId is null) problems.Add(new("OwnerOrganizationId", "Please choose the owner organisation or the owner person."));
        if (ownerOrganizationId is { } o && !organizations.Contains(o)) problems.Add(new("OwnerOrganizationId", "Please choose an organisation of this agency."));
        if (ownerMemberId is not null && !ownerOnRoster) problems.Add(new("OwnerMemberId", "Please choose a member of this agency."));
        if (deadline is not { } d) problems.Add(new("Deadline", deadlineUnreadable ? "Please enter a valid date." : "Please enter the deadline."));
        else if (d < received) problems.Add(new("Deadline", "The deadline cannot be before the feedback was received."));
        else if (!SaneDates.IsSane(d)) problems.Add(new("Deadline", "Please enter a valid date."));
        return problems;
    }

    /// <summary>Closing an item needs a note of how it was rectified, and an item still open.</summary>
    public static List<Problem> CheckClose(bool closed, string? note)
    {
        var problems = new List<Problem>();
        if (closed) problems.Add(new("", "The item is closed already."));
        if (string.IsNullOrEmpty(note)) problems.Add(new("Note", "Please say how it was rectified."));
        else if (note.Length > MaxText) problems.Add(new("Note", "A note can be at most 1000 characters."));
        return problems;
    }

    /// <summary>Open and past its deadline.</summary>
    public static bool IsOverdue(Domain.ItemStatus status, DateOnly deadline, DateOnly today) => status == Domain.ItemStatus.Open && deadline < today;
}
