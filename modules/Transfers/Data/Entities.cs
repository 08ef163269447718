using System.ComponentModel.DataAnnotations;

namespace Modular.Modules.Transfers.Data;

/// <summary>
/// An introduction letter (组织关系介绍信) for a member whose membership goes out of the portal: numbered per agency and
/// year, with its destination, the month dues are paid to and its validity; the return slip (回执) is recorded when it
/// comes back. Issued without a slip past its validity, its member is a pocket member (口袋党员) until it is resolved.
/// </summary>
public sealed class Letter : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>The member (a directory id); their situation is transferred out from the issue on.</summary>
    public int MemberId { get; set; }
    /// <summary>The organisation they belonged to (a directory id).</summary>
    public int OrganizationId { get; set; }
    [MaxLength(200)] public string Destination { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    /// <summary>The last day of the last month dues are paid for.</summary>
    public DateOnly? DuesPaidThrough { get; set; }
    public LetterStatus Status { get; set; }
    public DateOnly? SlipReceivedOn { get; set; }
    /// <summary>Who signed the slip, or a note on it.</summary>
    [MaxLength(200)] public string? SlipNote { get; set; }
    /// <summary>Why it was cancelled or reissued.</summary>
    [MaxLength(500)] public string? ResolutionNote { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    /// <summary>The letter this one replaces, if reissued.</summary>
    public int? ReplacesLetterId { get; set; }
    public long Version { get; set; }

    public string Number => Rules.LetterNumbers.Format(Year, Sequence);
}

/// <summary>A member working or living elsewhere for long (流动党员): where, how to reach them, who helps manage them, the certificate.</summary>
public sealed class MobileMember : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int MemberId { get; set; }
    [MaxLength(200)] public string Place { get; set; } = "";
    /// <summary>How to reach them (phone, address): personal data, shown only on the entry's page.</summary>
    [MaxLength(200), Confidential] public string? Contact { get; set; }
    /// <summary>The Party organisation where they are that takes part in managing them (流入地党组织).</summary>
    [MaxLength(200)] public string? ManagingOrganization { get; set; }
    /// <summary>流动党员活动证: its number and the day it was issued.</summary>
    [MaxLength(50)] public string? CertificateNumber { get; set; }
    public DateOnly? CertificateIssuedOn { get; set; }
    /// <summary>Since when they are away.</summary>
    public DateOnly Since { get; set; }
    /// <summary>The day they came back (the entry is closed).</summary>
    public DateOnly? EndedOn { get; set; }
    /// <summary>The day contact was lost, while it is.</summary>
    public DateOnly? LostContactSince { get; set; }
    public long Version { get; set; }
    public List<ContactAttempt> Attempts { get; set; } = [];
}

/// <summary>One attempt to reach a mobile member: when, how, and what came of it.</summary>
public sealed class ContactAttempt : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int MobileMemberId { get; set; }
    public DateOnly Date { get; set; }
    public ContactWay Way { get; set; }
    public bool Reached { get; set; }
    [MaxLength(200)] public string Result { get; set; } = "";
}
