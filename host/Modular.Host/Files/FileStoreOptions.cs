namespace Modular.Host.Files;

/// <summary>Settings section <c>Files</c>: the size limit and which of the known types are accepted.</summary>
public sealed class FileStoreOptions
{
    public int MaxMegabytes { get; set; } = 10;
    /// <summary>A subset of <see cref="FileTypes.Known"/>; other extensions are ignored (their content cannot be checked).</summary>
    public string[] Extensions { get; set; } = ["jpg", "jpeg", "png", "pdf", "docx", "xlsx"];
}
