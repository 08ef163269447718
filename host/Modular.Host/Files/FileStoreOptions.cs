namespace Modular.Host.Files;

/// <summary>Settings section <c>Files</c>: the size limit and which of the known types are accepted.</summary>
public sealed class FileStoreOptions
{
    public int MaxMegabytes { get; set; } = 10;
    /// <summary>Files one form may carry; with <see cref="MaxMegabytes"/> it sets the largest request the portal reads.</summary>
    public int MaxFilesPerRequest { get; set; } = 10;

    /// <summary>The request body limit: every file at its largest, plus room for the form's other fields.</summary>
    public long MaxRequestBytes => (Math.Max(1, MaxMegabytes) * (long)Math.Max(1, MaxFilesPerRequest) + 2) * 1024L * 1024L;
    /// <summary>A subset of <see cref="FileTypes.Known"/>; other extensions are ignored (their content cannot be checked).</summary>
    public string[] Extensions { get; set; } = ["jpg", "jpeg", "png", "pdf", "docx", "xlsx"];
}
