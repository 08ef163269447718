using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Files;

/// <summary>
/// The SDK's file store through org-life's meeting record: optional attachments saved in the database of the agency,
/// downloaded as attachments with their checked type, refused (with nothing saved) when too large or not what they
/// claim to be, and never found from another agency.
/// </summary>
public sealed class AttachmentTests : IClassFixture<AttachmentTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life");

    private readonly Portal _portal;
    public AttachmentTests(Portal portal) => _portal = portal;

    internal static readonly byte[] Png = UploadContentTests.Png; // a real 1×1 picture: uploads are checked beyond their first bytes
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    private Task<int> PlanTodayAsync(HttpClient secretary, string topic) => _portal.PlanMeetingAsync(secretary, "PartyLecture", topic, DateTime.Today);

    /// <summary>Posts the record form as a browser does (multipart), everyone present, with these files.</summary>
    internal static async Task<HttpResponseMessage> RecordAsync(HttpClient client, int id, params (string Name, byte[] Content)[] files)
    {
        var url = $"/m/org-life/Meetings/Record/{id}";
        var html = await client.GetStringAsync(url);
        var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value), "Version" },
            { new StringContent("会议由支部书记主持，学习了党章。"), "Minutes" },
        };
        foreach (Match m in Regex.Matches(html, "name=\"Rows\\[(\\d+)\\]\\.MemberId\"[^>]*value=\"(\\d+)\""))
        {
            form.Add(new StringContent(m.Groups[2].Value), $"Rows[{m.Groups[1].Value}].MemberId");
            form.Add(new StringContent("Present"), $"Rows[{m.Groups[1].Value}].Attendance");
        }
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new("application/octet-stream");
            form.Add(part, "Attachments", name);
        }
        return await client.PostAsync(url, form);
    }

    private Task<int> FileCountAsync() => _portal.QueryAsync("SELECT COUNT(*) FROM host_file").ContinueWith(t => int.Parse(t.Result.Single()));

    private static async Task<string> StatusAsync(HttpClient client, int id) =>
        JsonDocument.Parse(await client.GetStringAsync($"/m/org-life/api/meetings/{id}")).RootElement.GetProperty("status").GetString()!;

    private static byte[] Docx()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry("word/document.xml");
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task Attachments_of_a_record_are_listed_downloaded_and_removed_by_those_who_record()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var id = await PlanTodayAsync(secretary, "带附件的党课（测试）");
        var recorded = await RecordAsync(secretary, id, ("签到表.png", Png), ("记录.pdf", Pdf), ("材料.docx", Docx()));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var member = await _portal.SignedInAsync("member");
        var details = await member.GetStringAsync($"/m/org-life/Meetings/Details/{id}");
        var links = Regex.Matches(details, $"href=\"(/m/org-life/api/meetings/{id}/attachments/(\\d+))\">([^<]+)</a>").Select(m => (Url: m.Groups[1].Value, Name: m.Groups[3].Value)).ToList();
        Assert.Equal(["签到表.png", "记录.pdf", "材料.docx"], links.Select(l => l.Name));
        Assert.DoesNotContain("RemoveAttachment", details); // a member downloads, does not remove

        var png = await member.GetAsync(links[0].Url);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal(Png, await png.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", png.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("签到表.png", png.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", png.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/pdf", (await member.GetAsync(links[1].Url)).Content.Headers.ContentType?.MediaType);
        // The file of this meeting only: the same file under another meeting's address is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(links[0].Url.Replace($"/meetings/{id}/", $"/meetings/{id + 1000}/"))).StatusCode);

        var file = links[0].Url.Split('/').Last();
        var byMember = await member.PostFormAsync($"/m/org-life/Meetings/Details/{id}", new Dictionary<string, string>(), $"/m/org-life/Meetings/Details/{id}?handler=RemoveAttachment&file={file}");
        Assert.Equal(HttpStatusCode.NotFound, byMember.StatusCode);
        var removed = await secretary.PostFormAsync($"/m/org-life/Meetings/Details/{id}", new Dictionary<string, string>(), $"/m/org-life/Meetings/Details/{id}?handler=RemoveAttachment&file={file}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(links[0].Url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(links[1].Url)).StatusCode);

        // Another agency finds none of it, through the module or the store itself.
        var other = await _portal.CreateAgencyAsync("FILEB", "fileb", "agency-admin,member", "org-life");
        var stranger = await _portal.SignedInAsync("fileb");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(links[1].Url)).StatusCode);
        using (AgencyScope.Use(other))
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
            Assert.Null(await store.OpenAsync("org-life", int.Parse(links[1].Url.Split('/').Last())));
            Assert.False(await store.DeleteAsync("org-life", int.Parse(links[1].Url.Split('/').Last())));
        }
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(links[1].Url)).StatusCode);
    }

    [Fact]
    public async Task A_record_without_attachments_is_fine_and_a_too_large_or_false_file_is_refused_next_to_the_field_with_nothing_saved()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var plain = await PlanTodayAsync(secretary, "不带附件的党课（测试）");
        Assert.Equal(HttpStatusCode.Redirect, (await RecordAsync(secretary, plain)).StatusCode);

        var id = await PlanTodayAsync(secretary, "附件被拒的党课（测试）");
        var before = await FileCountAsync();
        var large = Png.Concat(new byte[10 * 1024 * 1024]).ToArray();
        var tooLarge = await RecordAsync(secretary, id, ("签到表.png", Png), ("大照片.png", large));
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        var html = await tooLarge.Content.ReadAsStringAsync();
        Assert.Matches("data-valmsg-for=\"Attachments\"[^>]*>[^<]*文件“大照片.png”超过 10 MB", html);
        Assert.Contains("会议由支部书记主持，学习了党章。", html); // the input is kept

        foreach (var (name, content) in new[] { ("照片.png", "MZ not a picture"u8.ToArray()), ("程序.exe", Pdf), ("表格.xlsx", Docx()), ("假的.pdf", Png) })
        {
            var refused = await RecordAsync(secretary, id, (name, content));
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Matches($"data-valmsg-for=\"Attachments\"[^>]*>[^<]*文件“{Regex.Escape(name)}”不是允许的类型", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await FileCountAsync());
        Assert.Equal("Planned", await StatusAsync(secretary, id));
    }
}
