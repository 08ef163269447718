using System.ComponentModel.DataAnnotations;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// A transfer of membership (组织关系转接), kept by the directory because both agencies see it: it belongs to neither
/// alone, so it is not agency-owned and every read names the agency's side (<see cref="FromAgencyId"/> or
/// <see cref="ToAgencyId"/>). Names of the other side are snapshots, so no agency reads the other's directory.
/// An arrival from outside the portal has no <see cref="FromAgencyId"/> and its origin in <see cref="FromName"/>.
/// </summary>
public sealed class MemberTransfer : IVersioned
{
    public int Id { get; set; }
    public int? FromAgencyId { get; set; }
    [MaxLength(200)] public string FromName { get; set; } = "";
    public int? FromOrganizationId { get; set; }
    [MaxLength(100)] public string FromOrganizationName { get; set; } = "";
    public int? FromMemberId { get; set; }
    [MaxLength(50)] public string MemberName { get; set; } = "";
    public MemberStage Stage { get; set; }
    public int ToAgencyId { get; set; }
    [MaxLength(100)] public string ToAgencyName { get; set; } = "";
    public int? ToOrganizationId { get; set; }
    [MaxLength(100)] public string? ToOrganizationName { get; set; }
    public int? ToMemberId { get; set; }
    public TransferState State { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly ValidUntil { get; set; }
    public DateOnly? DecidedOn { get; set; }
    [MaxLength(500)] public string? Reason { get; set; }
    [MaxLength(50)] public string? LetterNumber { get; set; }
    public DateOnly? DuesPaidThrough { get; set; }
    [MaxLength(500)] public string? Note { get; set; }
    /// <summary>The committee posts the member held in the sending agency, as text kept with the move.</summary>
    [MaxLength(1000)] public string? PostsHistory { get; set; }
    [MaxLength(450)] public string? StartedByUserId { get; set; }
    [MaxLength(450)] public string? DecidedByUserId { get; set; }
    public long Version { get; set; }

    public MemberTransferInfo ToInfo() => new()
    {
        Id = Id, FromAgencyId = FromAgencyId, FromName = FromName, FromOrganizationId = FromOrganizationId, FromOrganizationName = FromOrganizationName,
        FromMemberId = FromMemberId, MemberName = MemberName, Stage = Stage, ToAgencyId = ToAgencyId, ToAgencyName = ToAgencyName,
        ToOrganizationId = ToOrganizationId, ToOrganizationName = ToOrganizationName, ToMemberId = ToMemberId, State = State, StartedOn = StartedOn,
        ValidUntil = ValidUntil, DecidedOn = DecidedOn, Reason = Reason, LetterNumber = LetterNumber, DuesPaidThrough = DuesPaidThrough, Note = Note,
        PostsHistory = PostsHistory, Version = Version,
    };
}
