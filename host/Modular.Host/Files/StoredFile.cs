using System.ComponentModel.DataAnnotations;
using Modular.Sdk;

namespace Modular.Host.Files;

/// <summary>A file a module keeps for an agency (<see cref="IFileStore"/>): what it is and whose; the bytes are in <see cref="StoredFileData"/>.</summary>
public sealed class StoredFile : IAgencyOwned, Modular.Host.Data.ICreatedAt
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    [MaxLength(100)] public string ModuleId { get; set; } = "";
    [MaxLength(200)] public string OwnerKey { get; set; } = "";
    [MaxLength(200)] public string FileName { get; set; } = "";
    [MaxLength(100)] public string ContentType { get; set; } = "";
    public long Length { get; set; }
    /// <summary>UTC; set on first save from the host's clock.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    [MaxLength(450)] public string? CreatedBy { get; set; }
    public StoredFileData? Data { get; set; }
}

/// <summary>A stored file's bytes, apart so that lists never load them (and the audit never records them).</summary>
[Modular.Host.Auditing.NotAudited("A file's bytes: the file is audited by its row (name, type, size, owner).")]
public sealed class StoredFileData : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public byte[] Content { get; set; } = [];
}
