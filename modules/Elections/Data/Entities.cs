using System.ComponentModel.DataAnnotations;

namespace Modular.Modules.Elections.Data;

/// <summary>
/// One election (换届选举) of an organisation: the plan, the request to the higher committee and its reply (dated steps,
/// <see cref="ElectionStep"/>), the candidates, the meeting and its count. The directory keeps the organisation, its term
/// and posts; on completion it rolls them forward through the SDK. Summary fields keep lists to one query.
/// </summary>
public sealed class Election : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The committee, general branch or branch (a directory id).</summary>
    public int OrganizationId { get; set; }
    public ElectionStatus Status { get; set; }
    /// <summary>How many are to be elected.</summary>
    public int Seats { get; set; }
    /// <summary>The planned day of the election meeting.</summary>
    public DateOnly PlannedOn { get; set; }
    /// <summary>The term end the directory had when the election was planned (what it renews).</summary>
    public DateOnly? TermEndBefore { get; set; }
    /// <summary>The latest request's day, the latest reply's day and whether it approved.</summary>
    public DateOnly? RequestedOn { get; set; }
    public DateOnly? RepliedOn { get; set; }
    public bool? Approved { get; set; }
    /// <summary>The election meeting: its day, full members entitled on it and present.</summary>
    public DateOnly? HeldOn { get; set; }
    public int? Entitled { get; set; }
    public int? Present { get; set; }
    /// <summary>The org-life meeting where it happened (a shared record: kind and id), with a title kept for when org-life is off.</summary>
    [MaxLength(50)] public string? MeetingKind { get; set; }
    [MaxLength(50)] public string? MeetingId { get; set; }
    [MaxLength(200)] public string? MeetingTitle { get; set; }
    /// <summary>The new term, as rolled forward in the directory.</summary>
    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }
    [MaxLength(1000)] public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
    public List<Candidate> Candidates { get; set; } = [];
    public List<ElectionStep> Steps { get; set; } = [];
}

/// <summary>The kinds of dated steps before the meeting.</summary>
public enum StepKind
{
    /// <summary>请示: the request to the higher committee.</summary>
    Request = 0,
    /// <summary>批复: the higher committee's reply.</summary>
    Reply = 1,
}

/// <summary>A dated step: the request or the reply (files optional, through the SDK's file store).</summary>
public sealed class ElectionStep : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int ElectionId { get; set; }
    public StepKind Kind { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>For a reply: whether it approved.</summary>
    public bool? Approved { get; set; }
    [MaxLength(1000)] public string? Note { get; set; }
    public int? RecordedByMemberId { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>A candidate (a full member, a directory id), their votes for and, if elected, their post.</summary>
public sealed class Candidate : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int ElectionId { get; set; }
    public int MemberId { get; set; }
    public int? VotesFor { get; set; }
    public bool Elected { get; set; }
    public CommitteePost? Post { get; set; }
}

/// <summary>A term lengthened or shortened with the higher committee's approval (at most a year either way).</summary>
public sealed class TermAdjustment : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int OrganizationId { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly? EndBefore { get; set; }
    public DateOnly NewEnd { get; set; }
    public DateOnly ApprovedOn { get; set; }
    /// <summary>The higher committee's approval: its reply or document number.</summary>
    [MaxLength(200)] public string Approval { get; set; } = "";
    [MaxLength(1000)] public string? Note { get; set; }
    public int? RecordedByMemberId { get; set; }
    public DateTime RecordedAt { get; set; }
}
