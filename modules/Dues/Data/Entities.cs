using System.ComponentModel.DataAnnotations;

namespace Modular.Modules.Dues.Data;

/// <summary>
/// A member's dues base for one year (党费基数) and the monthly amount it gives, fixed for that year. A change of pay during
/// the year is recorded as the next year's base.
/// </summary>
public sealed class DuesBase : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int MemberId { get; set; }
    public int Year { get; set; }
    public DuesCategory Category { get; set; }
    /// <summary>After-tax fixed monthly pay, or the pension; null for the flat 0.2-yuan categories.</summary>
    public decimal? Base { get; set; }
    /// <summary>The rate applied (0.015 = 1.5 %), kept as it was when the amount was fixed.</summary>
    public decimal Rate { get; set; }
    public decimal Monthly { get; set; }
    /// <summary>A good reason for not paying, recorded by the office: six months unpaid then warns instead of flagging.</summary>
    [MaxLength(500)] public string? GoodReason { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A hardship reduction or exemption (减交/免交) for a year: branch agreement, higher approval, reason; evidence files under owner key hardship:&lt;id&gt;.</summary>
public sealed class DuesHardship : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int MemberId { get; set; }
    public int Year { get; set; }
    /// <summary>The first month it applies to (first day).</summary>
    public DateOnly FromMonth { get; set; }
    public HardshipKind Kind { get; set; }
    public decimal? ReducedAmount { get; set; }
    [MaxLength(500), Confidential] public string Reason { get; set; } = "";
    public DateOnly BranchAgreedOn { get; set; }
    public DateOnly ApprovedOn { get; set; }
    [MaxLength(100)] public string ApprovedBy { get; set; } = "";
    public long Version { get; set; }
}

/// <summary>A payment received by the branch's collector: what it covers is in its <see cref="PaidMonth"/>s.</summary>
public sealed class DuesPayment : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int MemberId { get; set; }
    /// <summary>The member's branch when paying: whose figures it counts in.</summary>
    public int OrganizationId { get; set; }
    public DateOnly PaidOn { get; set; }
    public DateOnly FirstMonth { get; set; }
    public int MonthCount { get; set; }
    public decimal Amount { get; set; }
    public PaymentMode Mode { get; set; }
    public PaymentChannel Channel { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    [MaxLength(50)] public string? ProxyName { get; set; }
    /// <summary>The receipt's number: DF + year + the id, e.g. DF2026-000123.</summary>
    [MaxLength(20)] public string ReceiptNo { get; set; } = "";
    /// <summary>Matched from an imported bank statement.</summary>
    public bool FromStatement { get; set; }
    public int? RecordedByMemberId { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>
    /// Carried with the member from another agency of the portal by an accepted transfer: that agency's name. The money
    /// was received there, so a carried payment counts in none of this agency's figures; it only shows what is paid.
    /// </summary>
    [MaxLength(200)] public string? CarriedFrom { get; set; }
    public List<PaidMonth> Months { get; set; } = [];
}

/// <summary>One month paid by a payment; a month is paid once (unique per member), so a double payment cannot be stored.</summary>
public sealed class PaidMonth : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int PaymentId { get; set; }
    public int MemberId { get; set; }
    public int OrganizationId { get; set; }
    public DateOnly Month { get; set; }
    public decimal Amount { get; set; }
    /// <summary>Paid in another agency and carried here with the member (see <see cref="DuesPayment.CarriedFrom"/>).</summary>
    public bool Carried { get; set; }
}

/// <summary>Which way a member's dues went with a transfer.</summary>
public enum DuesMoveDirection
{
    /// <summary>Came in with the member from another agency.</summary>
    In = 0,
    /// <summary>Went out with the member to another agency (the payments received here stay here).</summary>
    Out = 1,
}

/// <summary>A member's dues moved with them by an accepted transfer between agencies: kept on both sides.</summary>
public sealed class DuesMove : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int TransferId { get; set; }
    /// <summary>The member's id in this agency.</summary>
    public int MemberId { get; set; }
    public DuesMoveDirection Direction { get; set; }
    /// <summary>The agency on the other side.</summary>
    [MaxLength(200)] public string OtherAgency { get; set; } = "";
    public DateOnly Date { get; set; }
    /// <summary>The last month paid without a gap when they moved (the month dues are paid to); null when none.</summary>
    public DateOnly? PaidThrough { get; set; }
    public int MonthsCarried { get; set; }
}

/// <summary>A collector (收缴员) named by the office for a branch: records the branch's payments.</summary>
public sealed class DuesCollector : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int OrganizationId { get; set; }
    public int MemberId { get; set; }
}

/// <summary>Money handed up to the higher committee, or kept and used, by date and amount.</summary>
public sealed class DuesUse : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public DateOnly Date { get; set; }
    public UseKind Kind { get; set; }
    public decimal Amount { get; set; }
    /// <summary>The branch the money came from or was used for; null for the agency as a whole.</summary>
    public int? OrganizationId { get; set; }
    [MaxLength(200)] public string? Note { get; set; }
    public long Version { get; set; }
}

/// <summary>The yearly publication of collection and use to the members (党费收缴使用情况公布): once published, members see the year.</summary>
public sealed class DuesPublication : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public DateOnly PublishedOn { get; set; }
    [MaxLength(1000)] public string? Note { get; set; }
}
