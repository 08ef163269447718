using System.ComponentModel.DataAnnotations;

namespace Modular.Host.Auditing;

/// <summary>
/// One line of the audit log. Append-only from the portal; each line carries the hash of the one before,
/// so a changed or removed line breaks the chain where it was touched.
/// </summary>
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
