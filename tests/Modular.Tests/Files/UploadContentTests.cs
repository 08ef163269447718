using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Files;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Files;

/// <summary>
/// Uploads are checked beyond their first bytes: an Office file's unpacked size and ratio (a zip bomb is refused without
/// inflating it all), an image's structure and dimensions, a PDF's trailer and scripts. Each refusal is a Chinese message
/// on the field; nothing is stored.
/// </summary>
public sealed class UploadContentTests(UploadContentTests.Portal portal) : IClassFixture<UploadContentTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life");

    /// <summary>A real 1×1 PNG (grey with alpha).</summary>
    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>A real 16×16 JPEG.</summary>
    private static readonly byte[] Jpeg = Convert.FromBase64String(
        "/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQIDBAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolvw4KOp1KM6iCNvngZHwetf//Z");

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n"u8.ToArray();

    private static byte[] Docx(Action<ZipArchive>? more = null)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types/>");
            using (var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) w.Write("<w:document/>");
            more?.Invoke(zip);
        }
        return stream.ToArray();
    }

    /// <summary>Raw deflate data of <paramref name="megabytes"/> MB of zeros, made in a blink: one flushed 1 MB block repeated (its back references stay within zeros), then a final empty block.</summary>
    private static byte[] DeflatedZeros(int megabytes)
    {
        var ms = new MemoryStream();
        var deflate = new DeflateStream(ms, CompressionLevel.Optimal, leaveOpen: true);
        deflate.Write(new byte[1024 * 1024]);
        deflate.Flush(); // a sync flush: the blocks so far end on a byte boundary, not final
        var block = ms.ToArray();
        var all = new MemoryStream();
        for (var i = 0; i < megabytes; i++) all.Write(block);
        all.Write([0x03, 0x00]); // a final block with nothing in it
        return all.ToArray();
    }

    /// <summary>A .docx written by hand (the parts' CRCs left at 0: no check here reads them), with one extra deflated part.</summary>
    private static byte[] RawDocx(byte[] deflated, uint declaredSize)
    {
        var parts = new List<(string Name, ushort Method, byte[] Data, uint Size)>
        {
            ("[Content_Types].xml", 0, "<Types/>"u8.ToArray(), 8),
            ("word/document.xml", 0, "<w:document/>"u8.ToArray(), 13),
            ("word/media/zeros.bin", 8, deflated, declaredSize),
        };
        var zip = new MemoryStream();
        var w = new BinaryWriter(zip);
        var offsets = new List<uint>();
        foreach (var (name, method, data, size) in parts)
        {
            offsets.Add((uint)zip.Position);
            var n = Encoding.ASCII.GetBytes(name);
            w.Write(0x04034B50u); w.Write((ushort)20); w.Write((ushort)0); w.Write(method); w.Write(0u); w.Write(0u);
            w.Write((uint)data.Length); w.Write(size); w.Write((ushort)n.Length); w.Write((ushort)0); w.Write(n); w.Write(data);
        }
        var directory = (uint)zip.Position;
        for (var i = 0; i < parts.Count; i++)
        {
            var (name, method, data, size) = parts[i];
            var n = Encoding.ASCII.GetBytes(name);
            w.Write(0x02014B50u); w.Write((ushort)20); w.Write((ushort)20); w.Write((ushort)0); w.Write(method); w.Write(0u); w.Write(0u);
            w.Write((uint)data.Length); w.Write(size); w.Write((ushort)n.Length); w.Write((ushort)0); w.Write((ushort)0); w.Write((ushort)0);
            w.Write((ushort)0); w.Write(0u); w.Write(offsets[i]); w.Write(n);
        }
        var directorySize = (uint)zip.Position - directory;
        w.Write(0x06054B50u); w.Write((ushort)0); w.Write((ushort)0); w.Write((ushort)parts.Count); w.Write((ushort)parts.Count);
        w.Write(directorySize); w.Write(directory); w.Write((ushort)0);
        return zip.ToArray();
    }

    /// <summary>A 1 MB .docx whose one part inflates to 1 GB of zeros (its directory says so).</summary>
    private static byte[] ZipBomb() => RawDocx(DeflatedZeros(1024), 1024u * 1024 * 1024);

    /// <summary>A .docx whose directory claims 1000 bytes for a part that really inflates to 200 MB: caught while inflating.</summary>
    private static byte[] LyingZip() => RawDocx(DeflatedZeros(200), 1000);

    /// <summary>A .docx with a 2 MB picture that hardly compresses: inflated and accepted.</summary>
    private static byte[] DocxWithPicture() => Docx(zip =>
    {
        var picture = new byte[2 * 1024 * 1024];
        new Random(15).NextBytes(picture);
        using var s = zip.CreateEntry("word/media/image1.png").Open();
        s.Write(picture);
    });

    private static byte[] PngChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            c ^= b;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xFFFFFFFFu;
    }

    /// <summary>A well-formed PNG header claiming 100 000 × 100 000 pixels.</summary>
    private static byte[] HugePng()
    {
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header, 100_000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 100_000);
        header[8] = 8; header[9] = 0;
        return [.. Png[..8], .. PngChunk("IHDR", header), .. PngChunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. PngChunk("IEND", [])];
    }

    private static byte[] CompressedPdfWithScript()
    {
        var hidden = new MemoryStream();
        using (var z = new ZLibStream(hidden, CompressionLevel.Optimal, leaveOpen: true)) z.Write("2 0 << /S /JavaScript /JS (app.alert(1)) >>"u8);
        var head = Encoding.ASCII.GetBytes($"%PDF-1.5\n3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {hidden.Length} >>\nstream\n");
        return [.. head, .. hidden.ToArray(), .. "\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n"u8.ToArray()];
    }

    private async Task<FileUpload> ReadAsync(string name, byte[] content)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFileStore>().ReadAsync(name, new MemoryStream(content));
    }

    [Fact]
    public async Task Real_files_of_every_type_are_accepted()
    {
        foreach (var (name, content) in new[] { ("照片.png", Png), ("照片.jpg", Jpeg), ("记录.pdf", Pdf), ("材料.docx", Docx()), ("配图材料.docx", DocxWithPicture()) })
        {
            var upload = await ReadAsync(name, content);
            Assert.True(upload.IsValid, name + ": " + upload.Error);
        }
    }

    [Theory]
    [InlineData("zip-bomb", "材料.docx", "文件“材料.docx”解压后超过 100 MB")]
    [InlineData("lying-zip", "材料.docx", "材料.docx")]
    [InlineData("many-parts", "材料.docx", "文件“材料.docx”中的部件超过 1000 个")]
    [InlineData("truncated-png", "照片.png", "文件“照片.png”已损坏或不完整")]
    [InlineData("garbage-png", "照片.png", "文件“照片.png”已损坏或不完整")]
    [InlineData("bad-crc-png", "照片.png", "文件“照片.png”已损坏或不完整")]
    [InlineData("huge-png", "照片.png", "图片“照片.png”为 100000×100000 像素，超过允许的 50 百万像素")]
    [InlineData("truncated-jpg", "照片.jpg", "文件“照片.jpg”已损坏或不完整")]
    [InlineData("pdf-without-trailer", "记录.pdf", "文件“记录.pdf”已损坏或不完整")]
    [InlineData("pdf-with-script", "记录.pdf", "PDF 文件“记录.pdf”含有脚本或启动程序的动作")]
    [InlineData("pdf-with-escaped-launch", "记录.pdf", "PDF 文件“记录.pdf”含有脚本或启动程序的动作")]
    [InlineData("pdf-with-compressed-script", "记录.pdf", "PDF 文件“记录.pdf”含有脚本或启动程序的动作")]
    public async Task A_file_that_only_looks_right_in_its_first_bytes_is_refused_next_to_the_field(string kind, string name, string message)
    {
        byte[] content = kind switch
        {
            "zip-bomb" => ZipBomb(),
            "lying-zip" => LyingZip(),
            "many-parts" => Docx(zip => { for (var i = 0; i < 1000; i++) zip.CreateEntry($"word/p{i}.xml"); }),
            "truncated-png" => Png[..40],
            "garbage-png" => [.. Png[..8], .. "this is not a picture at all, only words"u8.ToArray()],
            "bad-crc-png" => [.. Png[..29], (byte)(Png[29] ^ 0xFF), .. Png[30..]],
            "huge-png" => HugePng(),
            "truncated-jpg" => Jpeg[..300],
            "pdf-without-trailer" => "%PDF-1.4\n1 0 obj\n<< >>\nendobj\n"u8.ToArray(),
            "pdf-with-script" => "%PDF-1.4\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray(),
            "pdf-with-escaped-launch" => "%PDF-1.4\n1 0 obj\n<< /OpenAction << /S /L#61unch /F (cmd.exe) >> >>\nendobj\ntrailer\n<< >>\n%%EOF\n"u8.ToArray(),
            "pdf-with-compressed-script" => CompressedPdfWithScript(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var upload = await ReadAsync(name, content);
        Assert.False(upload.IsValid);
        Assert.Contains(message, upload.Error);
        if (kind == "zip-bomb") Assert.True(content.Length < 2 * 1024 * 1024, $"{content.Length} bytes"); // about 1 MB that inflates to 1 GB
        if (kind == "lying-zip") Assert.Matches("解压后超过|已损坏", upload.Error);
    }

    [Fact]
    public async Task On_a_form_the_refusal_is_shown_on_the_field_in_chinese_and_nothing_is_stored()
    {
        var secretary = await portal.SignedInAsync("secretary");
        var id = await portal.PlanMeetingAsync(secretary, "PartyLecture", "附件内容检查（测试）", DateTime.Today);
        var before = await portal.QueryAsync("SELECT COUNT(*) FROM host_file");
        var response = await AttachmentTests.RecordAsync(secretary, id, ("材料.docx", ZipBomb()), ("照片.png", Png[..40]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("data-valmsg-for=\"Attachments\"[^>]*>[^<]*文件“材料.docx”解压后超过 100 MB，疑为压缩炸弹", html);
        Assert.Equal(before, await portal.QueryAsync("SELECT COUNT(*) FROM host_file"));
    }
}
