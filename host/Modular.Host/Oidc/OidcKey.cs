using System.ComponentModel.DataAnnotations;

namespace Modular.Host.Oidc;

/// <summary>A generated signing or encryption key, kept in the database (protected) so that every instance uses the same keys.</summary>
[Modular.Host.Auditing.NotAudited("Key material; never copied into the log.")]
public sealed class OidcKey
{
    public int Id { get; set; }
    /// <summary>"sig" or "enc".</summary>
    [MaxLength(3)] public string Use { get; set; } = "";
    /// <summary>UTC. Published from creation; signs from this moment.</summary>
    public DateTime NotBefore { get; set; }
    /// <summary>UTC. Neither signs nor validates after this.</summary>
    public DateTime NotAfter { get; set; }
    /// <summary>The key's PKCS#12 bytes, protected with ASP.NET Core Data Protection, base64.</summary>
    public string ProtectedPfx { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
