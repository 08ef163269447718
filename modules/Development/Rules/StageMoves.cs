using Modular.Sdk;

namespace Modular.Modules.Development.Rules;

/// <summary>Which directory stage each step brings the person to, in one place for the recorder and the import.</summary>
public static class StageMoves
{
    /// <summary>The directory stage a step brings the person to, with the date it counts from; null for the other steps.</summary>
    public static (MemberStage Stage, DateOnly Date)? After(int step, CaseHistory history, DateOnly date) => step switch
    {
        Domain.Steps.ActivistDecided => (MemberStage.Activist, date),
        Domain.Steps.CandidateDecided => (MemberStage.DevelopmentCandidate, date),
        // Membership counts from the branch's vote, once the higher committee approved it.
        Domain.Steps.AdmissionApproval when history.AdmittedOn is { } voted => (MemberStage.ProbationaryMember, voted),
        // Party age counts from the day probation ended.
        Domain.Steps.FullMembershipApproval when history.ProbationEnds is { } ends => (MemberStage.FullMember, ends),
        _ => null,
    };
}
