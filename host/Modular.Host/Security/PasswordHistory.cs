using System.ComponentModel.DataAnnotations;

namespace Modular.Host.Security;

/// <summary>A hash of a password an account used before, so that the last few cannot be reused.</summary>
public sealed class PasswordHistoryEntry
{
    public long Id { get; set; }
    [MaxLength(450)] public string UserId { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
