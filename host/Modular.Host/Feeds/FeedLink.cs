using System.ComponentModel.DataAnnotations;

namespace Modular.Host.Feeds;

/// <summary>A personal feed link: the SHA-256 of its secret, whose it is, and which feed it may read.</summary>
[Modular.Host.Auditing.NotAudited("Audited as events (made, revoked) that name the link, never its secret.")]
public sealed class FeedLink : Modular.Host.Data.ICreatedAt
{
    public int Id { get; set; }
    /// <summary>Hex SHA-256 of the secret in the URL; the secret itself is never stored.</summary>
    [MaxLength(64)] public string TokenHash { get; set; } = "";
    public int AgencyId { get; set; }
    [MaxLength(450)] public string UserId { get; set; } = "";
    [MaxLength(100)] public string ModuleId { get; set; } = "";
    [MaxLength(100)] public string Feed { get; set; } = "";
    /// <summary>UTC; set on first save from the host's clock.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
