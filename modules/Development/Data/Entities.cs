using System.ComponentModel.DataAnnotations;

namespace Modular.Modules.Development.Data;

/// <summary>
/// One person's way to membership (a development case). The directory keeps the person (<see cref="MemberId"/>) and their
/// stage; the case keeps the steps. Figures for lists (stage, last step, the deadline) are kept up to date by the
/// recorder so that the pipeline is one query.
/// </summary>
public sealed class DevelopmentCase : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The person, a member of the directory (one case per person).</summary>
    public int MemberId { get; set; }
    /// <summary>The branch the person belonged to at the last step: whose secretary and organisation commissioner work on it.</summary>
    public int OrganizationId { get; set; }
    public Stage Stage { get; set; }
    public CaseStatus Status { get; set; }
    /// <summary>The last step recorded.</summary>
    public int LastStep { get; set; }
    public DateOnly LastStepDate { get; set; }
    /// <summary>The date of the application (step 1).</summary>
    public DateOnly AppliedOn { get; set; }
    /// <summary>The step the case waits for under a deadline, and when it is due (null when none).</summary>
    public int? DueStep { get; set; }
    public DateOnly? DueDate { get; set; }
    /// <summary>The outer limit of the deadline, where the rules give one (approval: 6 months after the vote).</summary>
    public DateOnly? DueLimit { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
    public List<CaseStep> Steps { get; set; } = [];
}

/// <summary>One step as recorded: its date, who acted, a note and the step's typed fields.</summary>
public sealed class CaseStep : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    /// <summary>1–25.</summary>
    public int Step { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Who acted (the talker, the reviewer …), a member of the directory, if named.</summary>
    public int? ActorMemberId { get; set; }
    [MaxLength(2000), Confidential] public string? Note { get; set; }
    /// <summary>Step 10: the political review's written conclusion.</summary>
    [MaxLength(2000), Confidential] public string? Conclusion { get; set; }
    /// <summary>Step 11: days and class hours of training.</summary>
    public decimal? TrainingDays { get; set; }
    public decimal? TrainingHours { get; set; }
    /// <summary>Steps 15 and 23: the vote (full members due, present, for, against, abstaining).</summary>
    public int? VoteEntitled { get; set; }
    public int? VotePresent { get; set; }
    public int? VoteFor { get; set; }
    public int? VoteAgainst { get; set; }
    public int? VoteAbstain { get; set; }
    /// <summary>The org-life meeting where the vote happened (a shared record: kind and id), with a title kept for when org-life is off.</summary>
    [MaxLength(50)] public string? MeetingKind { get; set; }
    [MaxLength(50)] public string? MeetingId { get; set; }
    [MaxLength(200)] public string? MeetingTitle { get; set; }
    /// <summary>Step 23: what the meeting decided, and the extension's months.</summary>
    public ProbationOutcome? Outcome { get; set; }
    public int? ExtensionMonths { get; set; }
    /// <summary>Who recorded it (member id of the signed-in user, if linked) and when (UTC).</summary>
    public int? RecordedByMemberId { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>A mentor (step 5) or sponsor (step 9) named for a case: they see the person's progress.</summary>
public sealed class CaseHelper : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int CaseId { get; set; }
    public int MemberId { get; set; }
    public HelperRole Role { get; set; }
}

/// <summary>The yearly plan (发展计划) of one branch: how many new probationary members it plans to admit.</summary>
public sealed class YearPlan : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public int OrganizationId { get; set; }
    public int Planned { get; set; }
    public long Version { get; set; }
}
