using Modular.Modules.OrgLife.Domain;

namespace Modular.Modules.OrgLife.Rules;

/// <summary>What the quorum and vote rules need to know about one attendee.</summary>
public readonly record struct AttendanceFact(Attendance Attendance, bool CanVote, bool IsCommitteeMember);

/// <summary>A resolution's vote counts.</summary>
public readonly record struct VoteFact(string Subject, int For, int Against, int Abstain)
{
    public int Total => For + Against + Abstain;
}

/// <summary>
/// The quorum and vote rules of DOMAIN.md. A breach is a warning on the record (the branch is told, the
/// record is kept); counts that cannot be true (more votes than voters present) are errors of input.
/// </summary>
public static class MeetingRules
{
    /// <summary>Members entitled to vote: full members on the attendance list (probationary members do not vote).</summary>
    public static int EntitledToVote(IEnumerable<AttendanceFact> attendance) => attendance.Count(a => a.CanVote);

    /// <summary>
    /// Whether a member may vote at a meeting on <paramref name="date"/>: a full member, unless the roster says they became
    /// one after it (a meeting recorded late keeps the rights of its day).
    /// </summary>
    public static bool CanVoteOn(bool fullMemberNow, DateOnly? fullMemberSince, DateOnly date) =>
        fullMemberNow && !(fullMemberSince > date);

    public static int PresentVoters(IEnumerable<AttendanceFact> attendance) => attendance.Count(a => a.CanVote && a.Attendance == Attendance.Present);

    /// <summary>More than half: 5 of 10 is not, 6 of 10 is; 5 of 9 is.</summary>
    public static bool MoreThanHalf(int part, int whole) => part * 2 > whole;

    /// <summary>Who may vote at this meeting and how many of them are present.</summary>
    public static (int Voters, int Present) Electorate(MeetingType type, IReadOnlyList<AttendanceFact> attendance) => type switch
    {
        MeetingType.BranchMembersMeeting => (EntitledToVote(attendance), PresentVoters(attendance)),
        MeetingType.BranchCommitteeMeeting => (attendance.Count(a => a.IsCommitteeMember), attendance.Count(a => a.IsCommitteeMember && a.Attendance == Attendance.Present)),
        _ => (attendance.Count, attendance.Count(a => a.Attendance == Attendance.Present)),
    };

    /// <summary>Warnings shown on a held meeting's record (empty when every rule is met).</summary>
    public static IReadOnlyList<string> Warnings(MeetingType type, IReadOnlyList<AttendanceFact> attendance, IReadOnlyList<VoteFact> votes)
    {
        var warnings = new List<string>();
        var (voters, present) = Electorate(type, attendance);
        switch (type)
        {
            case MeetingType.BranchMembersMeeting:
                if (!MoreThanHalf(present, voters))
                    warnings.Add($"到会有表决权的党员 {present} 人，未超过应到会有表决权党员 {voters} 人的半数（预备党员没有表决权），会议不能作出决议。");
                foreach (var v in votes.Where(v => !MoreThanHalf(v.For, voters)))
                    warnings.Add($"“{v.Subject}”赞成 {v.For} 票，未超过应到会有表决权党员 {voters} 人的半数，不能通过。");
                break;
            case MeetingType.BranchCommitteeMeeting:
                if (voters == 0) warnings.Add("参会人员中没有支部委员。");
                else if (!MoreThanHalf(present, voters))
                    warnings.Add($"到会支部委员 {present} 人，未超过支部委员会 {voters} 人的半数，会议不能作出决定。");
                foreach (var v in votes.Where(v => voters > 0 && !MoreThanHalf(v.For, voters)))
                    warnings.Add($"“{v.Subject}”赞成 {v.For} 票，未超过支部委员 {voters} 人的半数，不能通过。");
                break;
        }
        return warnings;
    }

    /// <summary>Whether a resolution passed under the rules of the meeting type.</summary>
    public static bool Passed(MeetingType type, IReadOnlyList<AttendanceFact> attendance, VoteFact vote)
    {
        var (voters, present) = Electorate(type, attendance);
        return voters > 0 && MoreThanHalf(present, voters) && MoreThanHalf(vote.For, voters);
    }

    /// <summary>An input error for counts that cannot be true, or null.</summary>
    public static string? VoteError(MeetingType type, IReadOnlyList<AttendanceFact> attendance, VoteFact vote)
    {
        if (vote.For < 0 || vote.Against < 0 || vote.Abstain < 0) return "票数不能为负数。";
        var (_, present) = Electorate(type, attendance);
        return vote.Total > present
            ? $"赞成、反对、弃权合计 {vote.Total} 票，超过到会有表决权的 {present} 人。"
            : null;
    }
}
