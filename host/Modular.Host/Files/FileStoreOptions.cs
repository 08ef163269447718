namespace Modular.Host.Files;

/// <summary>Settings section <c>Files</c>: the size limit, which of the known types are accepted, and the limits of their content checks.</summary>
public sealed class FileStoreOptions
{
    public int MaxMegabytes { get; set; } = 10;
    /// <summary>Files one form may carry; with <see cref="MaxMegabytes"/> it sets the largest request the portal reads.</summary>
    public int MaxFilesPerRequest { get; set; } = 10;

    /// <summary>The request body limit: every file at its largest, plus room for the form's other fields.</summary>
    public long MaxRequestBytes => (Math.Max(1, MaxMegabytes) * (long)Math.Max(1, MaxFilesPerRequest) + 2) * 1024L * 1024L;
    /// <summary>A subset of <see cref="FileTypes.Known"/>; other extensions are ignored (their content cannot be checked).</summary>
    public string[] Extensions { get; set; } = ["jpg", "jpeg", "png", "pdf", "docx", "xlsx"];
    /// <summary>An Office file (a zip) may unpack to at most this much, counted from its directory and again while inflating; also the most a PDF's object streams are inflated to.</summary>
    public int MaxUnpackedMegabytes { get; set; } = 100;
    /// <summary>Parts an Office file may hold.</summary>
    public int MaxArchiveEntries { get; set; } = 1000;
    /// <summary>A part larger than 1 MB unpacked may be at most this many times its compressed size (a zip bomb is far more).</summary>
    public int MaxCompressionRatio { get; set; } = 100;
    /// <summary>An image's width × height, in millions of pixels (what a viewer would have to decode).</summary>
    public int MaxImageMegapixels { get; set; } = 50;
}
