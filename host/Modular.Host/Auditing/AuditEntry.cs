using System.ComponentModel.DataAnnotations;

namespace Modular.Host.Auditing;

/// <summary>
/// One line of the audit log. Append-only from the portal; each line carries the hash of the one before,
/// so a changed or removed line breaks the chain where it was touched.
/// </summary>
[Modular.Host.Auditing.NotAudited("The audit log itself.")]
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC.</summary>
    public DateTime Time { get; set; }
    [MaxLength(450)] public string? UserId { get; set; }
    [MaxLength(256)] public string? UserName { get; set; }
    public int? AgencyId { get; set; }
    [MaxLength(80)] public string Action { get; set; } = "";
    [MaxLength(200)] public string Target { get; set; } = "";
    [MaxLength(4000)] public string? Details { get; set; }
    public bool Success { get; set; } = true;
    [MaxLength(64)] public string? Address { get; set; }
    [MaxLength(64)] public string PreviousHash { get; set; } = "";
    [MaxLength(64)] public string Hash { get; set; } = "";
}

/// <summary>What a caller knows about an event; the writer adds time and hashes.</summary>
public sealed record AuditRecord(string Action, string Target, string? Details, bool Success, string? UserId, string? UserName, int? AgencyId, string? Address);

/// <summary>
/// The head of the chain, kept apart from the lines: the last line's id and hash and how many lines the log holds,
/// sealed with the chain's key. Rewritten with every append (in the same transaction, under the chain's lock) and
/// by the pruner, so lines deleted at the end of the log no longer match it.
/// </summary>
[Modular.Host.Auditing.NotAudited("The chain's own head: part of the chain, written under its lock.")]
public sealed class AuditCheckpoint
{
    /// <summary>Always <see cref="HeadId"/>: one head per database.</summary>
    public int Id { get; set; }
    public long LastEntryId { get; set; }
    public long Count { get; set; }
    [MaxLength(64)] public string LastHash { get; set; } = "";
    /// <summary>UTC, when the head last moved.</summary>
    public DateTime Time { get; set; }
    [MaxLength(64)] public string Seal { get; set; } = "";

    public const int HeadId = 1;
}

/// <summary>
/// The chain's key, generated at first start and kept protected (ASP.NET Core Data Protection, whose keys are in the
/// database too). Lines with an id above <see cref="KeyedAfterId"/> are keyed; those before were written without one
/// (a database from before the key existed) and verify as they always did.
/// </summary>
[Modular.Host.Auditing.NotAudited("The chain's own key: part of the chain, written under its lock.")]
public sealed class AuditKey
{
    public int Id { get; set; }
    public string ProtectedKey { get; set; } = "";
    public long KeyedAfterId { get; set; }
    public DateTime CreatedAt { get; set; }
}
