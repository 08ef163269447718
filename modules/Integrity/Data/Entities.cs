namespace Modular.Modules.Integrity.Data;

/// <summary>An integrity talk (廉政谈话): who talked with whom, when, what about. Seen only by discipline inspection and the secretary.</summary>
public sealed class IntegrityTalk : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public TalkKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public int TalkerMemberId { get; set; }
    public int TalkeeMemberId { get; set; }
    /// <summary>What was said: confidential, so the audit log records that it changed, never its text.</summary>
    [Confidential] public string Summary { get; set; } = "";
    public long Version { get; set; }
}

/// <summary>A warning-education session (警示教育) of the agency or one of its organisations, with attendance.</summary>
public sealed class WarningEducation : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public WarningKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string? Place { get; set; }
    /// <summary>Whose roster the attendance comes from; null for the whole agency.</summary>
    public int? OrganizationId { get; set; }
    /// <summary>The linked meeting (kind and id of a shared record), when the session was held as one: date, place and attendance come from it.</summary>
    public string? LinkedKind { get; set; }
    public string? LinkedId { get; set; }
    /// <summary>The linked meeting's title and attendance when linked or last saved: shown when its module is off.</summary>
    public string? LinkedTitle { get; set; }
    public int? LinkedExpected { get; set; }
    public int? LinkedPresent { get; set; }
    public long Version { get; set; }
    public List<WarningAttendee> Attendees { get; set; } = [];
}

/// <summary>A member expected at a session: present or not, and their own optional reflections (心得体会).</summary>
public sealed class WarningAttendee : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int SessionId { get; set; }
    public int MemberId { get; set; }
    public bool Present { get; set; }
    /// <summary>The attendee's own words: confidential (audited as changed, never copied).</summary>
    [Confidential] public string? Reflection { get; set; }
}

/// <summary>An integrity-risk point (廉政风险点) of a post in a department, with its controls and owner.</summary>
public sealed class IntegrityRisk : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The department (an organisation of the directory).</summary>
    public int OrganizationId { get; set; }
    public string Post { get; set; } = "";
    [Confidential] public string Description { get; set; } = "";
    public RiskLevel Level { get; set; }
    [Confidential] public string Measures { get; set; } = "";
    public int OwnerMemberId { get; set; }
    public DateOnly NextReviewDate { get; set; }
    public DateOnly? LastReviewedOn { get; set; }
    public long Version { get; set; }
}

/// <summary>The yearly review round (年度复核) of the risk register, started by the Party office.</summary>
public sealed class RiskReviewRound : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly Deadline { get; set; }
}

/// <summary>One risk point in a round: its owner confirms it or updates it.</summary>
public sealed class RiskReview : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int RoundId { get; set; }
    public int RiskId { get; set; }
    public int OwnerMemberId { get; set; }
    public ReviewOutcome Outcome { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    [Confidential] public string? Note { get; set; }
}

/// <summary>An inspection (明察暗访) of a window or department, open or unannounced.</summary>
public sealed class Inspection : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public DateOnly Date { get; set; }
    public InspectionMode Mode { get; set; }
    public InspectionTarget TargetKind { get; set; }
    public int? TargetOrganizationId { get; set; }
    /// <summary>The window or department as named on the day (e.g. 不动产登记3号窗口).</summary>
    public string Target { get; set; } = "";
    [Confidential] public string? Summary { get; set; }
    public long Version { get; set; }
}

/// <summary>A finding of an inspection as a rectification item (整改事项): owner, deadline, closed with a note.</summary>
public sealed class Rectification : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int InspectionId { get; set; }
    [Confidential] public string Finding { get; set; } = "";
    public int OwnerMemberId { get; set; }
    public DateOnly Deadline { get; set; }
    public RectificationStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    [Confidential] public string? ClosingNote { get; set; }
    public long Version { get; set; }
}

/// <summary>A key date of the agency's festival calendar for one year: when, how many days before to remind, what to say.</summary>
public sealed class FestivalDate : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public Festival Festival { get; set; }
    public DateOnly Date { get; set; }
    public int DaysBefore { get; set; }
    public string Text { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public long Version { get; set; }
}

/// <summary>A festival reminder that went out: at most one per festival, year and agency (unique index).</summary>
public sealed class FestivalReminder : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public Festival Festival { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public int Recipients { get; set; }
}
