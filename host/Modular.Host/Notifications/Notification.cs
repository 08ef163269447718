using System.ComponentModel.DataAnnotations;
using Modular.Sdk;

namespace Modular.Host.Notifications;

/// <summary>One notice to one member, kept with the directory (it belongs to the member's agency).</summary>
[Modular.Host.Auditing.NotAudited("Notices are messages, not records: what caused one is audited in its own module.")]
public sealed class Notification : IAgencyOwned
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public int MemberId { get; set; }
    [MaxLength(40)] public string ModuleId { get; set; } = "";
    [MaxLength(200)] public string Title { get; set; } = "";
    [MaxLength(2000)] public string? Body { get; set; }
    [MaxLength(500)] public string? Url { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
