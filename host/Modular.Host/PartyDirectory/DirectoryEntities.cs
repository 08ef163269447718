using System.ComponentModel.DataAnnotations;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>A Party organisation of one agency. <see cref="Path"/> ("/1/4/9/") makes subtree queries one LIKE.</summary>
public sealed class Organization : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int? ParentId { get; set; }
    public OrganizationKind Kind { get; set; }
    [MaxLength(100)] public string Name { get; set; } = "";
    /// <summary>窗口党支部: an ordinary branch with a tag.</summary>
    public bool IsWindowBranch { get; set; }
    public int SortOrder { get; set; }
    /// <summary>The current committee's term (换届).</summary>
    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }
    [MaxLength(200)] public string Path { get; set; } = "/";
    public long Version { get; set; }
}

/// <summary>A person on the roster. ID and phone numbers are stored protected, with a masked copy for lists.</summary>
public sealed class Member : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    /// <summary>The branch (or general branch / committee) the member belongs to.</summary>
    public int OrganizationId { get; set; }
    /// <summary>The Party group within the branch, if any.</summary>
    public int? GroupId { get; set; }
    [MaxLength(50)] public string Name { get; set; } = "";
    public Gender Gender { get; set; }
    [MaxLength(20)] public string? Ethnicity { get; set; }
    /// <summary>States the 8 digits an ID number's mask hides: personal data, shown only with the full view.</summary>
    [PersonalData(PersonalDataKind.BirthDate)] public DateOnly? BirthDate { get; set; }
    [PersonalData(PersonalDataKind.IdNumber)] public string? IdNumberProtected { get; set; }
    [MaxLength(24)] public string? IdNumberMasked { get; set; }
    [PersonalData(PersonalDataKind.Phone)] public string? PhoneProtected { get; set; }
    [MaxLength(20)] public string? PhoneMasked { get; set; }
    [MaxLength(20)] public string? Education { get; set; }
    [MaxLength(50)] public string? Title { get; set; }
    public DateOnly? JoinedDate { get; set; }
    public DateOnly? FullMemberDate { get; set; }
    public MemberStatus Status { get; set; }
    [MaxLength(450)] public string? UserId { get; set; }
    public bool IsLeadingCadre { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A committee post held by a member in an organisation. A post that ends keeps its row with <see cref="Until"/> set,
/// so duties of the year (the secretaries' lecture) can count everyone who held it.
/// </summary>
public sealed class OrganizationPost : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int OrganizationId { get; set; }
    public int MemberId { get; set; }
    public CommitteePost Post { get; set; }
    public DateOnly? Since { get; set; }
    /// <summary>The last day the member held the post; null while they hold it.</summary>
    public DateOnly? Until { get; set; }
    public long Version { get; set; }
}
