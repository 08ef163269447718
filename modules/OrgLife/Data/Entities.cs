using System.ComponentModel.DataAnnotations;
using Modular.Modules.OrgLife.Domain;
using Modular.Sdk;

namespace Modular.Modules.OrgLife.Data;

/// <summary>
/// One meeting of a branch (or of one of its Party groups): planned, then recorded as held or cancelled.
/// People are directory ids; what the rules need about them at the time (may vote, on the committee,
/// leading cadre) is kept on the attendance row, so the record stays true when the roster changes.
/// </summary>
public sealed class Meeting : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The branch (党支部).</summary>
    public int BranchId { get; set; }
    /// <summary>The Party group, for Party group meetings.</summary>
    public int? GroupId { get; set; }
    public MeetingType Type { get; set; }
    public MeetingStatus Status { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    [MaxLength(100)] public string Place { get; set; } = "";
    /// <summary>Who chairs it (for a Party lecture: the lecturer).</summary>
    public int? HostMemberId { get; set; }
    [MaxLength(200)] public string Topic { get; set; } = "";
    [MaxLength(8000)] public string? Minutes { get; set; }
    [MaxLength(500)] public string? CancelReason { get; set; }
    public DateTime? RecordedAtUtc { get; set; }
    public List<MeetingAttendee> Attendees { get; set; } = [];
    public List<MeetingDecision> Decisions { get; set; } = [];
    public long Version { get; set; }
}

public sealed class MeetingAttendee : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int MeetingId { get; set; }
    public int MemberId { get; set; }
    public Attendance Attendance { get; set; }
    /// <summary>A person's reason for leave (health, family): confidential in the audit log.</summary>
    [MaxLength(200), Confidential] public string? LeaveReason { get; set; }
    /// <summary>A full member when the meeting was planned or recorded: entitled to vote.</summary>
    public bool CanVote { get; set; }
    public bool IsCommitteeMember { get; set; }
    public bool IsLeadingCadre { get; set; }
}

/// <summary>A resolution put to the vote, with the counts.</summary>
public sealed class MeetingDecision : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int MeetingId { get; set; }
    [MaxLength(200)] public string Subject { get; set; } = "";
    public int VotesFor { get; set; }
    public int VotesAgainst { get; set; }
    public int Abstentions { get; set; }
}

/// <summary>A branch's own settings: the fixed day of its theme Party day.</summary>
public sealed class BranchSchedule : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int BranchId { get; set; }
    public int ThemePartyDay { get; set; }
    public long Version { get; set; }
}

/// <summary>A branch's democratic appraisal of one year (民主评议党员), stage by stage in order.</summary>
public sealed class Appraisal : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int BranchId { get; set; }
    public int Year { get; set; }
    /// <summary>The stage under way (every earlier one is done); <see cref="AppraisalStage.Published"/> when finished.</summary>
    public AppraisalStage Stage { get; set; }
    /// <summary>The day the members' self-appraisals were done.</summary>
    public DateOnly? SelfAppraisalOn { get; set; }
    /// <summary>The day of the peer appraisal (党员互评).</summary>
    public DateOnly? PeerAppraisalOn { get; set; }
    /// <summary>The day of the vote (民主测评).</summary>
    public DateOnly? VotingOn { get; set; }
    /// <summary>The day the branch decided the grades (published the same day).</summary>
    public DateOnly? GradingOn { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public List<AppraisalEntry> Entries { get; set; } = [];
    public long Version { get; set; }

    /// <summary>The day <paramref name="stage"/> was done; null while it is under way or to come.</summary>
    public DateOnly? DoneOn(AppraisalStage stage) => stage switch
    {
        AppraisalStage.SelfAppraisal => SelfAppraisalOn,
        AppraisalStage.PeerAppraisal => PeerAppraisalOn,
        AppraisalStage.Voting => VotingOn,
        AppraisalStage.Grading => GradingOn,
        _ => null,
    };

    /// <summary>Records <paramref name="stage"/> as done on <paramref name="date"/>.</summary>
    public void MarkDone(AppraisalStage stage, DateOnly date)
    {
        switch (stage)
        {
            case AppraisalStage.SelfAppraisal: SelfAppraisalOn = date; break;
            case AppraisalStage.PeerAppraisal: PeerAppraisalOn = date; break;
            case AppraisalStage.Voting: VotingOn = date; break;
            case AppraisalStage.Grading: GradingOn = date; break;
            default: throw new ArgumentOutOfRangeException(nameof(stage), stage, "Published is not a stage to do.");
        }
    }
}

/// <summary>One member in an appraisal: self-appraisal, the peer votes by grade, and the grade given.</summary>
public sealed class AppraisalEntry : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int AppraisalId { get; set; }
    public int MemberId { get; set; }
    /// <summary>Probationary members take part but are not graded.</summary>
    public bool IsProbationary { get; set; }
    [MaxLength(2000), Confidential] public string? SelfAppraisal { get; set; }
    public int VotesExcellent { get; set; }
    public int VotesQualified { get; set; }
    public int VotesBasicallyQualified { get; set; }
    public int VotesUnqualified { get; set; }
    public AppraisalGrade? Grade { get; set; }
}

/// <summary>A heart-to-heart talk (谈心谈话) between two members of a branch.</summary>
public sealed class HeartToHeartTalk : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int BranchId { get; set; }
    public DateOnly Date { get; set; }
    public int InitiatorMemberId { get; set; }
    public int PartnerMemberId { get; set; }
    [MaxLength(200), Confidential] public string Topic { get; set; } = "";
    [MaxLength(1000), Confidential] public string? Note { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// Another module's record that org-life counted as a branch's theme Party day (a finished volunteer activity marked
/// 计为主题党日), as it stood when last read: the day keeps counting while that module is off, the way other modules keep
/// snapshots of the records they link. Refreshed whenever the record can be read; dropped once the source no longer counts it.
/// </summary>
public sealed class CountedThemeDay : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int BranchId { get; set; }
    /// <summary>The shared record's kind and id (<see cref="SharedRecordKinds.VolunteerThemeDay"/>).</summary>
    [MaxLength(50)] public string Kind { get; set; } = "";
    [MaxLength(50)] public string SourceId { get; set; } = "";
    [MaxLength(200)] public string Title { get; set; } = "";
    public DateOnly Date { get; set; }
    [MaxLength(200)] public string? Place { get; set; }
    public int? Expected { get; set; }
    public int? Present { get; set; }
}
