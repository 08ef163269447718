using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Development;

/// <summary>
/// A case's documents and materials through the pages: each step's Word form filled from the record (or blank for the
/// step due next), files added to a step later and removed, the whole file as Word or as a zip with the files; only for
/// those who work on the case, never for another agency.
/// </summary>
public sealed partial class DevelopmentDocumentTests : IClassFixture<DevelopmentDocumentTests.Portal>
{
    public sealed class Portal() : PortalFactory("development");

    private readonly Portal _portal;
    public DevelopmentDocumentTests(Portal portal) => _portal = portal;

    private DateOnly Today => _portal.Today;
    private static string Files(int caseId) => $"/m/development/Cases/Files/{caseId}";
    private static string Document(int caseId, int step) => $"{Files(caseId)}?handler=Document&step={step}";
    private static string Chinese(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    /// <summary>A new applicant's case carried by the office to step 2, the talk on <paramref name="talk"/> with a note.</summary>
    private async Task<int> TalkedAsync(HttpClient office, string name, DateOnly talk, string note)
    {
        var person = await _portal.AddPersonAsync(name, Today.AddYears(-30));
        var open = await office.PostFormAsync("/m/development/Cases/Open", new Dictionary<string, string> { ["Input.MemberId"] = $"{person}", ["Input.Date"] = $"{talk.AddDays(-10):yyyy-MM-dd}" });
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var caseId = (await _portal.CaseOfAsync(person))!.Value;
        var details = $"/m/development/Cases/Details/{caseId}";
        var version = VersionPattern().Match(await office.GetStringAsync(details)).Groups[1].Value;
        var step = await office.PostFormAsync(details, new Dictionary<string, string>
        {
            ["Input.Step"] = "2", ["Input.Date"] = $"{talk:yyyy-MM-dd}", ["Input.Note"] = note, ["Input.Version"] = version,
        });
        Assert.Equal(HttpStatusCode.Redirect, step.StatusCode);
        return caseId;
    }

    private static async Task<string> WordTextAsync(Stream docx)
    {
        using var zip = new ZipArchive(docx);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return await reader.ReadToEndAsync();
    }

    private Task<int> StepIdAsync(int caseId, int step) =>
        _portal.IntAsync("SELECT \"Id\" FROM dev_step WHERE \"CaseId\" = @c AND \"Step\" = @s", ("c", caseId), ("s", step));

    private static async Task<HttpResponseMessage> AttachAsync(HttpClient client, int caseId, int stepId, string name, byte[] content)
    {
        var token = await client.TokenAsync(Files(caseId));
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new("application/octet-stream");
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent($"{stepId}"), "StepId" }, { part, "Files", name } };
        return await client.PostAsync($"{Files(caseId)}?handler=Attach", form);
    }

    [Fact]
    public async Task The_talk_record_is_filled_from_the_step_and_the_next_steps_form_is_offered_blank()
    {
        var office = await _portal.SignedInAsync("office");
        var talk = Today.AddDays(-90);
        var caseId = await TalkedAsync(office, "文书测试甲", talk, "谈话中了解了入党动机和对党的认识");

        var details = await office.GetStringAsync($"/m/development/Cases/Details/{caseId}");
        Assert.Contains("data-testid=\"documents\"", details);
        // The button on the step is the download.
        var button = WebUtility.HtmlDecode(Regex.Match(details, "data-testid=\"step-document\" href=\"([^\"]+)\"").Groups[1].Value);
        Assert.Contains("step=2", button);

        var response = await office.GetAsync(button);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var xml = await WordTextAsync(await response.Content.ReadAsStreamAsync());
        foreach (var text in new[] { "入党谈话记录", "文书测试甲", "谈话中了解了入党动机和对党的认识", Chinese(talk), Chinese(talk.AddDays(-10)), "第一党支部", "谈话对象（签字）" })
            Assert.Contains(text, xml);

        // Step 3 has no document; step 6's comes only once the activist is being trained (it is neither recorded nor next).
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(Document(caseId, 3))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(Document(caseId, 6))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(Document(caseId, 99))).StatusCode);
    }

    [Fact]
    public async Task Only_those_who_work_on_the_case_get_its_documents_and_files_and_another_agency_gets_404()
    {
        var office = await _portal.SignedInAsync("office");
        var caseId = await TalkedAsync(office, "文书测试乙", Today.AddDays(-30), "谈话记录");
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync(Document(caseId, 2))).StatusCode);

        var member = await _portal.SignedInAsync("member");
        foreach (var url in new[] { Files(caseId), Document(caseId, 2), $"{Files(caseId)}?handler=Archive" })
            Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(url)).StatusCode);
        await _portal.CreateAgencyAsync("DEVDOC", "devdoc-admin", "agency-admin,member", "development");
        var other = await _portal.SignedInAsync("devdoc-admin");
        foreach (var url in new[] { Files(caseId), Document(caseId, 2), $"{Files(caseId)}?handler=Archive" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        // Their own page's token, posted at this agency's case.
        var token = await other.TokenAsync("/m/development/Cases/Import");
        var post = await other.PostAsync($"{Files(caseId)}?handler=Attach", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent($"{await StepIdAsync(caseId, 1)}"), "StepId" },
            { new ByteArrayContent(Pdf), "Files", "别人的.pdf" },
        });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await _portal.StoredFileIdsAsync($"step:{await StepIdAsync(caseId, 1)}"));
    }

    [Fact]
    public async Task Files_added_to_a_step_later_go_into_the_whole_file_and_a_refused_file_saves_none()
    {
        var office = await _portal.SignedInAsync("office");
        var caseId = await TalkedAsync(office, "文书测试丙", Today.AddDays(-60), "谈话顺利");
        var first = await StepIdAsync(caseId, 1);

        // Without files the whole file is one Word document, every step in it.
        var plain = await office.GetAsync($"{Files(caseId)}?handler=Archive");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", plain.Content.Headers.ContentType?.MediaType);
        var archiveXml = await WordTextAsync(await plain.Content.ReadAsStreamAsync());
        foreach (var text in new[] { "文书测试丙同志发展党员档案", "一、申请入党", "第1步 递交入党申请书", "第2步 入党谈话", "谈话顺利", "二、入党积极分子的确定和培养教育", "尚未进行", "无上传的附件材料" })
            Assert.Contains(text, archiveXml);

        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(office, caseId, first, "入党申请书.pdf", Pdf)).StatusCode);
        var files = await _portal.StoredFileIdsAsync($"step:{first}");
        Assert.Single(files);
        Assert.Contains("入党申请书.pdf", await office.GetStringAsync(Files(caseId)));
        // A file the store refuses is named next to the field, and nothing is added.
        var bad = await AttachAsync(office, caseId, first, "程序.exe", "MZ\0\0"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Single(await _portal.StoredFileIdsAsync($"step:{first}"));
        // A step of another case is not this case's.
        var otherCase = await TalkedAsync(office, "文书测试丁", Today.AddDays(-60), "另一人");
        Assert.Equal(HttpStatusCode.NotFound, (await AttachAsync(office, caseId, await StepIdAsync(otherCase, 1), "错页.pdf", Pdf)).StatusCode);

        var zipped = await office.GetAsync($"{Files(caseId)}?handler=Archive");
        Assert.Equal("application/zip", zipped.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(await zipped.Content.ReadAsStreamAsync()))
        {
            Assert.Equal(["文书测试丙-发展党员档案.docx", $"附件/第01步-递交入党申请书/{files[0]}-入党申请书.pdf"], zip.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(zip.GetEntry("文书测试丙-发展党员档案.docx")!.Open());
            using var copy = new MemoryStream();
            await reader.BaseStream.CopyToAsync(copy);
            copy.Position = 0;
            Assert.Contains("入党申请书.pdf", await WordTextAsync(copy));
        }

        var remove = await office.PostFormAsync(Files(caseId), new Dictionary<string, string>(), $"{Files(caseId)}?handler=Remove&file={files[0]}");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Empty(await _portal.StoredFileIdsAsync($"step:{first}"));
        Assert.Equal(HttpStatusCode.NotFound, (await office.PostFormAsync(Files(caseId), new Dictionary<string, string>(), $"{Files(caseId)}?handler=Remove&file={files[0]}")).StatusCode);
    }

    [Fact]
    public async Task Every_member_downloads_the_public_notice_with_the_names_the_page_shows()
    {
        var member = await _portal.SignedInAsync("member");
        var page = await member.GetStringAsync("/m/development/Notices");
        Assert.Contains("data-testid=\"notice-word\"", page);
        var names = Regex.Matches(page, "<td data-label=\"姓名\">([^<]+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(names);
        var response = await member.GetAsync("/m/development/Notices?handler=Word");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var xml = await WordTextAsync(await response.Content.ReadAsStreamAsync());
        foreach (var text in names.Append("发展党员公示").Append("一、拟发展对象").Append("二、拟转为正式党员的预备党员")) Assert.Contains(text, xml);
    }
}
