using Modular.Modules.OrgLife.Domain;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Rules;

/// <summary>The plan form's fields, as typed.</summary>
public sealed record PlanLine(MeetingType Type, int? GroupId, DateOnly? Date, string? Place, int? HostMemberId, string? Topic);

/// <summary>
/// Planning a meeting and cancelling one: what the plan form must satisfy (a type, a Party group of the branch for a
/// group meeting, a date, a place, a topic, a host among the branch's Party members) and the reason a cancellation needs.
/// </summary>
public static class MeetingPlanRules
{
    public const int MaxPlace = 100;
    public const int MaxTopic = 200;
    public const int MaxCancelReason = 500;

    /// <summary>Checks the plan form of a branch with Party groups <paramref name="groups"/> and Party members <paramref name="members"/>.</summary>
    public static List<Problem> Check(PlanLine plan, IReadOnlyCollection<int> groups, IReadOnlyCollection<int> members)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(plan.Type)) problems.Add(new("Type", "Choose a meeting type."));
        if (plan.Type == MeetingType.PartyGroupMeeting)
        {
            if (plan.GroupId is not { } group) problems.Add(new("GroupId", "Choose the Party group."));
            else if (!groups.Contains(group)) problems.Add(new("GroupId", "The Party group must belong to the branch."));
        }
        if (plan.Date is not { } date) problems.Add(new("Date", "Enter the date."));
        else if (date.Year is < 2000 or > 2100) problems.Add(new("Date", "Enter a date between 2000 and 2100."));
        if (string.IsNullOrWhiteSpace(plan.Place)) problems.Add(new("Place", "Enter the place."));
        else if (plan.Place.Trim().Length > MaxPlace) problems.Add(new("Place", "The place can be at most 100 characters."));
        if (string.IsNullOrWhiteSpace(plan.Topic)) problems.Add(new("Topic", "Enter the topic."));
        else if (plan.Topic.Trim().Length > MaxTopic) problems.Add(new("Topic", "The topic can be at most 200 characters."));
        if (plan.HostMemberId is { } host && !members.Contains(host)) problems.Add(new("HostMemberId", "The host must be a Party member of the branch."));
        return problems;
    }

    /// <summary>A cancellation says why (kept on the record), in at most <see cref="MaxCancelReason"/> characters; the English message key, or null.</summary>
    public static string? CancelReasonProblem(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return "Enter why the meeting is cancelled.";
        return reason.Trim().Length > MaxCancelReason ? "The reason can be at most 500 characters." : null;
    }
}
