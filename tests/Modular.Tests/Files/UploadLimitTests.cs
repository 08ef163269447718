using System.Net;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Files;

/// <summary>A request larger than all allowed files together is refused before it is read, with a clear page.</summary>
public sealed class UploadLimitTests
{
    [Fact]
    public async Task Files_beyond_the_request_limit_are_refused_with_a_message_and_nothing_saved()
    {
        using var portal = new PortalFactory("org-life");
        portal.Settings["Files:MaxMegabytes"] = "1";
        portal.Settings["Files:MaxFilesPerRequest"] = "1"; // 3 MB in all
        var secretary = await portal.SignedInAsync("secretary");
        var id = await portal.PlanMeetingAsync(secretary, "PartyLecture", "上传上限测试", DateTime.Today);
        var big = new byte[4 * 1024 * 1024];
        AttachmentTests.Png.CopyTo(big, 0);
        var response = await AttachmentTests.RecordAsync(secretary, id, ("大照片.png", big));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("一次上传的文件总量超过了平台的上限", page);
        Assert.Equal("0", (await portal.QueryAsync("SELECT COUNT(*) FROM host_file")).Single());
    }
}
