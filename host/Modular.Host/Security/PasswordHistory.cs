using System.ComponentModel.DataAnnotations;

namespace Modular.Host.Security;

/// <summary>A hash of a password an account used before, so that the last few cannot be reused.</summary>
[Modular.Host.Auditing.NotAudited("Hashes of old passwords; the password change is audited as an event.")]
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }
    [MaxLength(450)] public string UserId { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
