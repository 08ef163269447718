using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Modular.Host.Files;

/// <summary>Why a file's content was refused: a text key of the host's resources and its arguments (the file name first).</summary>
public sealed record FileProblem(string Key, params object[] Arguments);

/// <summary>
/// Checks a file's content beyond its first bytes, without decoding it all or adding a library: an Office file's zip
/// (entries, unpacked size and ratio from the central directory, then the real inflated bytes, stopping at the limit),
/// an image's structure and dimensions (PNG chunks with their CRCs, JPEG segments), a PDF's trailer and the absence
/// of scripts and launch actions.
/// </summary>
public static class FileContent
{
    public static FileProblem? Check(string extension, string name, byte[] bytes, FileStoreOptions options) => extension switch
    {
        "docx" or "xlsx" => CheckOffice(name, bytes, options),
        "png" => CheckPng(name, bytes, options),
        "jpg" or "jpeg" => CheckJpeg(name, bytes, options),
        "pdf" => CheckPdf(name, bytes, options),
        _ => null,
    };

    private static FileProblem Damaged(string name) => new("The file \"{0}\" is damaged or incomplete.", name);

    // ---- Office (a zip) ----

    private static FileProblem? CheckOffice(string name, byte[] bytes, FileStoreOptions options)
    {
        var maxUnpacked = Math.Max(1, options.MaxUnpackedMegabytes) * 1024L * 1024L;
        var entries = ReadCentralDirectory(bytes, options.MaxArchiveEntries + 1);
        if (entries is null) return Damaged(name);
        if (entries.Count > options.MaxArchiveEntries) return new("The file \"{0}\" holds more than {1} parts.", name, options.MaxArchiveEntries);
        // What the central directory declares: refused before inflating anything.
        long declared = 0;
        foreach (var e in entries)
        {
            declared += e.Size;
            if (declared > maxUnpacked) return new("The file \"{0}\" unpacks to more than {1} MB.", name, options.MaxUnpackedMegabytes);
            if (e.Size > 1024 * 1024 && e.Size > (long)options.MaxCompressionRatio * Math.Max(1, e.CompressedSize))
                return new("The file \"{0}\" is compressed more than {1} times.", name, options.MaxCompressionRatio);
        }
        // What the entries really inflate to, from their own bytes (a reader that trusts the directory is not asked):
        // the directory is the sender's word, so inflating stops as soon as a part gives more than it declared.
        var chunk = new byte[81920];
        long total = 0;
        foreach (var e in entries)
        {
            if (e.LocalHeader + 30 > bytes.Length || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)e.LocalHeader)) != 0x04034B50) return Damaged(name);
            var start = e.LocalHeader + 30 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)e.LocalHeader + 26))
                + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)e.LocalHeader + 28));
            if (start + e.CompressedSize > bytes.Length) return Damaged(name);
            var data = new MemoryStream(bytes, (int)start, (int)e.CompressedSize, writable: false);
            long inflated = 0;
            try
            {
                using Stream s = e.Method switch { 0 => data, 8 => new DeflateStream(data, CompressionMode.Decompress), _ => throw new InvalidDataException() };
                int read;
                while ((read = s.Read(chunk, 0, chunk.Length)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (total > maxUnpacked) return new("The file \"{0}\" unpacks to more than {1} MB.", name, options.MaxUnpackedMegabytes);
                    if (inflated > e.Size) return Damaged(name);
                }
            }
            catch (InvalidDataException)
            {
                return Damaged(name);
            }
            if (inflated != e.Size) return Damaged(name);
        }
        return null;
    }

    private sealed record ZipEntryInfo(int Method, long CompressedSize, long Size, long LocalHeader);

    /// <summary>The zip's central directory (no zip64: an Office file within the limits never needs it); null when malformed.</summary>
    private static List<ZipEntryInfo>? ReadCentralDirectory(byte[] bytes, int atMost)
    {
        var end = -1;
        for (var i = bytes.Length - 22; i >= Math.Max(0, bytes.Length - 22 - 65535); i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == 0x06054B50) { end = i; break; }
        if (end < 0) return null;
        long at = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10));
        var list = new List<ZipEntryInfo>();
        for (var n = 0; n < count && list.Count < atMost; n++)
        {
            if (at + 46 > end || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)at)) != 0x02014B50) return null;
            var span = bytes.AsSpan((int)at);
            var compressed = BinaryPrimitives.ReadUInt32LittleEndian(span[20..]);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(span[24..]);
            var local = BinaryPrimitives.ReadUInt32LittleEndian(span[42..]);
            if (compressed == uint.MaxValue || size == uint.MaxValue || local == uint.MaxValue) return null; // zip64
            list.Add(new(BinaryPrimitives.ReadUInt16LittleEndian(span[10..]), compressed, size, local));
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(span[28..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[30..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[32..]);
        }
        return list;
    }

    // ---- PNG: IHDR first, every chunk whole with its CRC, IDAT present, IEND last ----

    private static FileProblem? CheckPng(string name, byte[] bytes, FileStoreOptions options)
    {
        var at = 8;
        var first = true;
        bool data = false, end = false;
        while (at < bytes.Length)
        {
            if (end) return Damaged(name); // bytes after IEND
            if (at + 12 > bytes.Length) return Damaged(name);
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            if (length > int.MaxValue || at + 12 + (long)length > bytes.Length) return Damaged(name);
            var type = Encoding.ASCII.GetString(bytes, at + 4, 4);
            if (!type.All(char.IsAsciiLetter)) return Damaged(name);
            var body = bytes.AsSpan(at + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + (int)length));
            if (Crc32(bytes.AsSpan(at + 4, 4 + (int)length)) != crc) return Damaged(name);
            if (first)
            {
                if (type != "IHDR" || length != 13) return Damaged(name);
                var width = BinaryPrimitives.ReadUInt32BigEndian(body);
                var height = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                byte depth = body[8], color = body[9];
                if (width == 0 || height == 0 || body[10] != 0 || body[11] != 0 || body[12] > 1 || !ValidPngDepth(color, depth)) return Damaged(name);
                if (TooLarge(width, height, options)) return Large(name, width, height, options);
                first = false;
            }
            else if (type == "IHDR") return Damaged(name);
            if (type == "IDAT") data = true;
            if (type == "IEND") end = true;
            at += 12 + (int)length;
        }
        return first || !data || !end ? Damaged(name) : null;
    }

    private static bool ValidPngDepth(byte color, byte depth) => color switch
    {
        0 => depth is 1 or 2 or 4 or 8 or 16,
        3 => depth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => depth is 8 or 16,
        _ => false,
    };

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }

    // ---- JPEG: segments up to a frame header (SOF) and a scan (SOS), then an end-of-image marker ----

    private static FileProblem? CheckJpeg(string name, byte[] bytes, FileStoreOptions options)
    {
        var at = 2; // after SOI
        var frame = false;
        while (true)
        {
            if (at + 4 > bytes.Length || bytes[at] != 0xFF) return Damaged(name);
            while (at < bytes.Length && bytes[at] == 0xFF) at++; // fill bytes
            if (at + 3 > bytes.Length) return Damaged(name);
            var marker = bytes[at++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue; // no length
            if (marker == 0xD9) return Damaged(name); // end before any scan
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at));
            if (length < 2 || at + length > bytes.Length) return Damaged(name);
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
            {
                if (length < 8) return Damaged(name);
                uint height = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 3));
                uint width = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 5));
                var components = bytes[at + 7];
                if (width == 0 || height == 0 || components == 0 || length != 8 + 3 * components) return Damaged(name);
                if (TooLarge(width, height, options)) return Large(name, width, height, options);
                frame = true;
            }
            if (marker == 0xDA) // start of scan: entropy-coded data follows, then (eventually) EOI
            {
                if (!frame) return Damaged(name);
                var tail = bytes.AsSpan(at + length);
                return tail.IndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) >= 0 ? null : Damaged(name);
            }
            at += length;
        }
    }

    private static bool TooLarge(uint width, uint height, FileStoreOptions options) =>
        (ulong)width * height > (ulong)Math.Max(1, options.MaxImageMegapixels) * 1_000_000UL;

    private static FileProblem Large(string name, uint width, uint height, FileStoreOptions options) =>
        new("The image \"{0}\" has {1}×{2} pixels, more than the {3} million allowed.", name, width, height, options.MaxImageMegapixels);

    // ---- PDF: a trailer at the end, no JavaScript and no launch actions (also inside compressed object streams) ----

    private static readonly HashSet<string> ActiveNames = new(StringComparer.Ordinal) { "JavaScript", "JS", "Launch" };

    private static FileProblem? CheckPdf(string name, byte[] bytes, FileStoreOptions options)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 1024));
        if (tail.IndexOf("%%EOF"u8) < 0) return Damaged(name);
        if (HasActiveName(bytes)) return Scripted(name);
        // Objects may sit compressed in object streams: look inside those too, inflating no more than the limit allows.
        var budget = Math.Max(1, options.MaxUnpackedMegabytes) * 1024L * 1024L;
        var at = 0;
        while ((at = IndexOf(bytes, "stream"u8, at)) >= 0)
        {
            var start = at + 6;
            at = start;
            if (start > 6 && bytes[start - 7] is (byte)'d') continue; // "endstream"
            if (start < bytes.Length && bytes[start] == '\r') start++;
            if (start >= bytes.Length || bytes[start] != '\n') continue;
            start++;
            var end = IndexOf(bytes, "endstream"u8, start);
            if (end < 0) return Damaged(name);
            var dictionary = Encoding.Latin1.GetString(bytes, Math.Max(0, at - 6 - 512), Math.Min(512, at - 6));
            var dict = dictionary[(dictionary.LastIndexOf("<<", StringComparison.Ordinal) is var open and >= 0 ? open : 0)..];
            if (dict.Contains("/FlateDecode", StringComparison.Ordinal) && (dict.Contains("/ObjStm", StringComparison.Ordinal) || dict.Contains("/JavaScript", StringComparison.Ordinal)))
            {
                var inflated = Inflate(bytes.AsSpan(start, end - start), ref budget);
                if (inflated is null && budget <= 0) return new("The file \"{0}\" unpacks to more than {1} MB.", name, options.MaxUnpackedMegabytes);
                if (inflated is not null && HasActiveName(inflated)) return Scripted(name);
            }
            at = end + 9;
        }
        return null;
    }

    private static FileProblem Scripted(string name) => new("The PDF \"{0}\" contains scripts or launch actions, which are not accepted.", name);

    /// <summary>Any PDF name token (/Name, with #xx escapes decoded) that runs something.</summary>
    private static bool HasActiveName(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != '/') continue;
            var token = new StringBuilder();
            var j = i + 1;
            for (; j < bytes.Length && token.Length <= 12; j++)
            {
                var c = bytes[j];
                if (c <= ' ' || c is (byte)'/' or (byte)'[' or (byte)']' or (byte)'<' or (byte)'>' or (byte)'(' or (byte)')' or (byte)'{' or (byte)'}' or (byte)'%') break;
                if (c == '#' && j + 2 < bytes.Length && Uri.IsHexDigit((char)bytes[j + 1]) && Uri.IsHexDigit((char)bytes[j + 2]))
                {
                    token.Append((char)Convert.ToByte(Encoding.ASCII.GetString(bytes.Slice(j + 1, 2)), 16));
                    j += 2;
                    continue;
                }
                token.Append((char)c);
            }
            if (ActiveNames.Contains(token.ToString())) return true;
            i = j - 1;
        }
        return false;
    }

    private static byte[]? Inflate(ReadOnlySpan<byte> data, ref long budget)
    {
        try
        {
            using var input = new ZLibStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress);
            var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                budget -= read;
                if (budget <= 0) return null;
                output.Write(chunk, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null; // not inflatable: nothing hidden in it that a reader would find either
        }
    }

    private static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value, int from)
    {
        if (from >= bytes.Length) return -1;
        var i = bytes.AsSpan(from).IndexOf(value);
        return i < 0 ? -1 : from + i;
    }
}
