using Modular.Modules.Elections.Rules;
using Modular.Sdk;

namespace Modular.Modules.Elections.Domain;

/// <summary>Whether an election is under way, done, or dropped.</summary>
public enum ElectionStatus
{
    /// <summary>Planned and under way (request, reply, candidates, meeting).</summary>
    Open = 0,
    /// <summary>The meeting elected the committee and the directory rolled forward.</summary>
    Completed = 1,
    /// <summary>Dropped (planned by mistake, or replaced).</summary>
    Cancelled = 2,
}

/// <summary>Where an open election stands, from its dated steps: the step it waits for.</summary>
public enum ElectionStage
{
    /// <summary>待请示: the request to the higher committee is to be sent.</summary>
    Request = 0,
    /// <summary>待批复: waiting for the higher committee's reply.</summary>
    Reply = 1,
    /// <summary>未获批准: the reply did not approve; a new request is due.</summary>
    NotApproved = 2,
    /// <summary>待选举: approved; the election meeting is to be held.</summary>
    Meeting = 3,
    /// <summary>已完成.</summary>
    Completed = 4,
    /// <summary>已取消.</summary>
    Cancelled = 5,
}

/// <summary>Words for the module's values (English keys, translated in Resources).</summary>
public static class Labels
{
    public static string Stage(ElectionStage stage) => stage switch
    {
        ElectionStage.Request => "Request to send",
        ElectionStage.Reply => "Awaiting the reply",
        ElectionStage.NotApproved => "Not approved",
        ElectionStage.Meeting => "Meeting to hold",
        ElectionStage.Completed => "Completed",
        _ => "Cancelled",
    };

    public static string Post(CommitteePost post) => post switch
    {
        CommitteePost.Secretary => "Secretary",
        CommitteePost.DeputySecretary => "Deputy secretary",
        CommitteePost.OrganizationCommissioner => "Organisation commissioner",
        CommitteePost.PublicityCommissioner => "Publicity commissioner",
        CommitteePost.DisciplineCommissioner => "Discipline commissioner",
        _ => "Committee member",
    };

    public static string Kind(OrganizationKind kind) => kind switch
    {
        OrganizationKind.AgencyCommittee => "Agency committee",
        OrganizationKind.GeneralBranch => "General branch",
        OrganizationKind.Branch => "Branch",
        _ => "Party group",
    };

    public static string Term(TermState state) => state switch
    {
        TermState.Overdue => "Term overdue",
        TermState.Due => "Term ending soon",
        TermState.Current => "In term",
        _ => "Term not recorded",
    };
}
