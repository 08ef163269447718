namespace Modular.Modules.Development.Services;

/// <summary>
/// How the module reads a person's stage from the directory, in one place (<see cref="MemberInfo.Stage"/>), and which
/// stage each step brings them to.
/// </summary>
public static class Roster
{
    public static bool IsApplicant(MemberInfo m) => m.Stage == MemberStage.Applicant;

    /// <summary>A full member still on the roster: who may be named mentor or sponsor.</summary>
    public static bool IsFullMember(MemberInfo m) => m.CanVote;

    /// <summary>The directory stage a step brings the person to, with the date it counts from; null for the other steps.</summary>
    public static (MemberStage Stage, DateOnly Date)? StageAfter(int step, Rules.CaseHistory history, DateOnly date) => StageMoves.After(step, history, date);
}
