namespace Modular.Modules.Volunteer.Data;

/// <summary>A paired community (结对社区) or assisted village (帮扶联系村) of the agency.</summary>
public sealed class Partner : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public PartnerKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public DateOnly? PairedSince { get; set; }
    public string? Note { get; set; }
    public bool Active { get; set; } = true;
    public long Version { get; set; }
    public List<PartnerContact> Contacts { get; set; } = [];
}

/// <summary>A contact person at a partner (e.g. the community's Party secretary).</summary>
public sealed class PartnerContact : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int PartnerId { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    [PersonalData(PersonalDataKind.Phone)] public string? Phone { get; set; }
}

/// <summary>One entry of the co-building log (结对共建记录); finished activities with the partner show beside it without re-entry.</summary>
public sealed class PartnerLogEntry : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int PartnerId { get; set; }
    public DateOnly Date { get; set; }
    public string Title { get; set; } = "";
    public string? Content { get; set; }
    public int? AuthorMemberId { get; set; }
}

/// <summary>A volunteer activity. Times are the agency's wall-clock times.</summary>
public sealed class Activity : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Title { get; set; } = "";
    public ActivityKind Kind { get; set; }
    public string Place { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public int Capacity { get; set; }
    public DateTime SignUpDeadline { get; set; }
    /// <summary>The organiser (a member of the directory).</summary>
    public int OrganizerMemberId { get; set; }
    /// <summary>The organising branch; null for the agency as a whole.</summary>
    public int? OrganizationId { get; set; }
    public int? PartnerId { get; set; }
    /// <summary>Counts as the organising branch's theme Party day (计为主题党日) once finished: org-life reads it as a shared record.</summary>
    public bool CountsAsThemePartyDay { get; set; }
    public string? Description { get; set; }
    public ActivityStatus Status { get; set; }
    public string? CancelReason { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Written first by every change to the activity's places, inside its transaction: the lock that serialises them (see <c>Places</c>). Also numbers the queue.</summary>
    public long PlacesStamp { get; set; }
    public long Version { get; set; }
}

/// <summary>A member's sign-up to an activity, with attendance and hours.</summary>
public sealed class SignUp : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int ActivityId { get; set; }
    public int MemberId { get; set; }
    public SignUpStatus Status { get; set; }
    /// <summary>Place in the queue: the activity's places stamp when the member (last) signed up.</summary>
    public long Sequence { get; set; }
    public DateTime SignedUpAt { get; set; }
    public bool AddedByOrganizer { get; set; }
    public DateTime? CheckedInAt { get; set; }
    public DateTime? CheckedOutAt { get; set; }
    /// <summary>Hours credited: from check-in and check-out, or as adjusted by the organiser.</summary>
    public decimal? Hours { get; set; }
    public string? HoursAdjustReason { get; set; }
    public long Version { get; set; }
}
