using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>What a committee task and an agency's report on it must hold. Messages are English keys of the host's resources.</summary>
public static class CommitteeTaskRules
{
    public const int TitleMax = 200;
    public const int BodyMax = 4000;
    public const int ProgressMax = 2000;

    public sealed record Draft(HigherTaskKind Kind, string? Title, string? Body, DateOnly? Deadline, IReadOnlyCollection<int> AgencyIds);

    public static IReadOnlyList<Problem> CheckDraft(Draft d, IReadOnlySet<int> activeAgencies, DateOnly today)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(d.Kind)) problems.Add(new("Kind", "Choose a task or a notice."));
        if (string.IsNullOrWhiteSpace(d.Title)) problems.Add(new("Title", "Enter the title."));
        else if (d.Title.Trim().Length > TitleMax) problems.Add(new("Title", "At most {0} characters.", TitleMax));
        if (string.IsNullOrWhiteSpace(d.Body)) problems.Add(new("Body", "Enter what is asked."));
        else if (d.Body.Trim().Length > BodyMax) problems.Add(new("Body", "At most {0} characters.", BodyMax));
        if (d.Deadline is { } due && due < today) problems.Add(new("Deadline", "The deadline cannot be in the past."));
        if (d.AgencyIds.Count == 0) problems.Add(new("AgencyIds", "Choose at least one agency."));
        else if (d.AgencyIds.Any(a => !activeAgencies.Contains(a))) problems.Add(new("AgencyIds", "Choose agencies from the list."));
        return problems;
    }

    /// <summary>An agency's report: a state forward from open, some text, not on a task already done.</summary>
    public static IReadOnlyList<Problem> CheckReport(HigherTaskState current, HigherTaskReport report)
    {
        var problems = new List<Problem>();
        if (current == HigherTaskState.Done) problems.Add(new("", "The task is done already."));
        if (!Enum.IsDefined(report.State) || report.State == HigherTaskState.Open) problems.Add(new("State", "Choose in progress or done."));
        if (string.IsNullOrWhiteSpace(report.Progress)) problems.Add(new("Progress", "Enter the progress."));
        else if (report.Progress.Trim().Length > ProgressMax) problems.Add(new("Progress", "At most {0} characters.", ProgressMax));
        return problems;
    }

    /// <summary>The committee's reply: to a copy the agency has reported on, with some text.</summary>
    public static IReadOnlyList<Problem> CheckReply(string? lastProgress, string? reply)
    {
        var problems = new List<Problem>();
        if (lastProgress is null) problems.Add(new("", "The agency has not reported progress yet."));
        if (string.IsNullOrWhiteSpace(reply)) problems.Add(new("Reply", "Enter the reply."));
        else if (reply.Trim().Length > ProgressMax) problems.Add(new("Reply", "At most {0} characters.", ProgressMax));
        return problems;
    }
}
