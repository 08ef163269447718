using System.IO.Compression;

namespace Modular.Host.Files;

/// <summary>The file types the store knows, each checked by its extension and by its first bytes (and an Office file by its parts).</summary>
public static class FileTypes
{
    public sealed record Kind(string ContentType, Func<byte[], bool> Matches);

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static readonly IReadOnlyDictionary<string, Kind> Known = new Dictionary<string, Kind>(StringComparer.OrdinalIgnoreCase)
    {
        ["jpg"] = new("image/jpeg", b => b.AsSpan().StartsWith(Jpeg)),
        ["jpeg"] = new("image/jpeg", b => b.AsSpan().StartsWith(Jpeg)),
        ["png"] = new("image/png", b => b.AsSpan().StartsWith(Png)),
        ["pdf"] = new("application/pdf", b => b.AsSpan().StartsWith(Pdf)),
        ["docx"] = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b => IsOffice(b, "word/")),
        ["xlsx"] = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b => IsOffice(b, "xl/")),
    };

    /// <summary>A zip (the Office container) holding [Content_Types].xml and the parts of that application.</summary>
    private static bool IsOffice(byte[] bytes, string folder)
    {
        if (!bytes.AsSpan().StartsWith(Zip)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.Entries.Any(e => e.FullName.StartsWith(folder, StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
