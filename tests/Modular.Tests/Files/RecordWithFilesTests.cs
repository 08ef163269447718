using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Modular.Modules.Integrity.Domain;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Files;

/// <summary>
/// A record and its evidence files saved as one unit (SDK <c>Attachments.SaveWithRecordAsync</c>), through integrity's
/// rectification closing on the real file store: a failing save keeps no file, a failing file keeps no record.
/// </summary>
public sealed class RecordWithFilesTests : IClassFixture<RecordWithFilesTests.Portal>
{
    public sealed class Portal() : PortalFactory("integrity");

    private readonly Portal _portal;
    public RecordWithFilesTests(Portal portal) => _portal = portal;

    private async Task<int> OpenItemAsync(int skip) =>
        (await _portal.IntsAsync("SELECT \"Id\" FROM int_rectification WHERE \"AgencyId\" = @a AND \"Status\" = 0 ORDER BY \"Id\"", ("a", await _portal.DemoAgencyIdAsync())))[skip];

    private async Task<HttpResponseMessage> CloseWithFileAsync(HttpClient office, int item)
    {
        var url = $"/m/integrity/Rectifications/Details/{item}";
        var html = await office.GetStringAsync(url);
        var file = new ByteArrayContent(AttachmentTests.Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        var form = new MultipartFormDataContent
        {
            { new StringContent(await office.TokenAsync(url)), "__RequestVerificationToken" },
            { new StringContent(Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value), "Version" },
            { new StringContent("已整改，附巡查记录。"), "Note" }, { file, "Attachments", "巡查记录.png" },
        };
        return await office.PostAsync(url + "?handler=Close", form);
    }

    [Fact]
    public async Task A_record_that_fails_to_save_keeps_no_file()
    {
        var office = await _portal.SignedInAsync("office");
        var item = await OpenItemAsync(0);
        var files = await _portal.StoredFileCountAsync();

        await _portal.WithFailingWritesAsync("int_rectification", async () =>
            Assert.NotEqual(HttpStatusCode.Redirect, (await CloseWithFileAsync(office, item)).StatusCode));

        Assert.Equal(RectificationStatus.Open, await _portal.RectificationStatusAsync(item));
        Assert.Equal(files, await _portal.StoredFileCountAsync());
        // Once the fault is gone the same closing goes through, with its file.
        Assert.Equal(HttpStatusCode.Redirect, (await CloseWithFileAsync(office, item)).StatusCode);
        Assert.Equal(RectificationStatus.Closed, await _portal.RectificationStatusAsync(item));
        Assert.Single(await _portal.StoredFileIdsAsync($"rectification:{item}"));
    }

    [Fact]
    public async Task A_file_that_fails_to_store_keeps_no_record()
    {
        var office = await _portal.SignedInAsync("office");
        var item = await OpenItemAsync(1);
        var files = await _portal.StoredFileCountAsync();

        await _portal.WithFailingWritesAsync("host_file_data", async () =>
            Assert.NotEqual(HttpStatusCode.Redirect, (await CloseWithFileAsync(office, item)).StatusCode));

        Assert.Equal(RectificationStatus.Open, await _portal.RectificationStatusAsync(item));
        Assert.Equal(files, await _portal.StoredFileCountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await CloseWithFileAsync(office, item)).StatusCode);
        Assert.Equal(RectificationStatus.Closed, await _portal.RectificationStatusAsync(item));
    }
}
