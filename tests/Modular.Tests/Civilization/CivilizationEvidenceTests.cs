using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Modules.Civilization.Domain;
using Modular.Sdk;
using Modular.Tests.Files;
using Modular.Tests.Infrastructure;
using static Modular.Tests.Infrastructure.CivilizationData;

namespace Modular.Tests.Civilization;

/// <summary>Evidence entries are deleted with their files in one unit of work, by their author until the item is reviewed as met, and by the office.</summary>
public sealed class CivilizationEvidenceTests : IClassFixture<CivilizationEvidenceTests.Portal>
{
    public sealed class Portal() : PortalFactory("civilization");

    private readonly Portal _portal;
    public CivilizationEvidenceTests(Portal portal) => _portal = portal;

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, int item, int entry) =>
        client.PostFormAsync(Civilization.Item(item), new Dictionary<string, string>(), $"{Civilization.Item(item)}?handler=DeleteEvidence&entry={entry}");


    [Fact]
    public async Task The_author_deletes_an_entry_and_its_files_until_the_item_is_reviewed_as_met_and_the_to_dos_follow()
    {
        var office = await _portal.SignedInAsync("office");
        var member = await _portal.SignedInAsync("member");
        var secretary = await _portal.SignedInAsync("secretary");
        var owner = await _portal.MemberIdAsync("李晓梅");
        var id = await office.NewCampaignAsync("删除佐证测试活动");
        var item = await office.NewItemAsync(id, "开展道德讲堂活动", "4", "思想道德建设", owner, _portal.Today.AddDays(-1));

        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitEvidenceAsync(item, "已开展两期道德讲堂。", ("签到表.png", AttachmentTests.Png), ("照片.png", AttachmentTests.Png))).StatusCode);
        var entry = await _portal.LatestEvidenceAsync(item);
        var files = await _portal.StoredFileIdsAsync(CivilizationData.EvidenceFilesKey(entry));
        Assert.Equal(2, files.Count);
        Assert.Equal(new ItemState(ItemStatus.InProgress, AwaitingReview: true), await _portal.EvidenceStateAsync(item));
        Assert.Contains("审核佐证材料：开展道德讲堂活动", await office.GetStringAsync("/Todo"));
        Assert.DoesNotContain("文明创建事项：开展道德讲堂活动", await member.GetStringAsync("/Todo"));

        // Only the author (and the office) is offered the delete, with a confirmation that counts the files; others are refused.
        var page = await member.GetStringAsync(Civilization.Item(item));
        Assert.Contains("data-confirm=\"确定删除这条佐证材料及其 2 个附件吗？删除后不能恢复。\"", page);
        Assert.DoesNotContain("data-testid=\"delete-evidence\"", await secretary.GetStringAsync(Civilization.Item(item)));
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(secretary, item, entry)).StatusCode);
        // Another agency's office, with its own form token, finds nothing to delete.
        await _portal.CreateAgencyAsync("CIVE", "cive-admin", "agency-admin,member", "civilization");
        var stranger = await _portal.SignedInAsync("cive-admin");
        var strangerToken = await stranger.TokenAsync("/m/civilization");
        var foreign = await stranger.PostAsync($"{Civilization.Item(item)}?handler=DeleteEvidence&entry={entry}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = strangerToken }));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.True(await _portal.EvidenceExistsAsync(entry));
        Assert.Equal(files, await _portal.StoredFileIdsAsync(CivilizationData.EvidenceFilesKey(entry)));

        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(member, item, entry)).StatusCode);
        Assert.False(await _portal.EvidenceExistsAsync(entry));
        Assert.Empty(await _portal.StoredFileIdsAsync(CivilizationData.EvidenceFilesKey(entry)));
        Assert.Equal(0, await _portal.StoredContentCountAsync(files));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/m/civilization/api/items/{item}/files/{files[0]}")).StatusCode);
        // Nothing is left to review: the item is back to not started, off the office's list and on the owner's again.
        Assert.Equal(new ItemState(ItemStatus.NotStarted, AwaitingReview: false), await _portal.EvidenceStateAsync(item));
        Assert.DoesNotContain("审核佐证材料：开展道德讲堂活动", await office.GetStringAsync("/Todo"));
        Assert.Contains("文明创建事项：开展道德讲堂活动", await member.GetStringAsync("/Todo"));
        // Audited, the entry and each file, by the author.
        Assert.Equal(["member"], (await _portal.AuditEntriesAsync("delete", $".Evidence#{entry}")).Select(e => e.UserName));
        foreach (var f in files)
            Assert.Equal(["member"], (await _portal.AuditEntriesAsync("delete", $".StoredFile#{f}")).Select(e => e.UserName));

        // Once the reviewer marks the item met, the author's earlier entry stays; the office may still delete it.
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitEvidenceAsync(item, "已开展三期道德讲堂。")).StatusCode);
        var reviewed = await _portal.LatestEvidenceAsync(item);
        Assert.Equal(HttpStatusCode.Redirect, (await office.ReviewAsync(item, "Met", "材料齐全。")).StatusCode);
        var ownersPage = await member.GetStringAsync(Civilization.Item(item));
        Assert.DoesNotContain("data-testid=\"delete-evidence\"", ownersPage);
        // The owner is told why, and whom to ask; the office, who may delete, is not.
        Assert.Contains("审核所依据的佐证材料不能再删除", ownersPage);
        Assert.DoesNotContain("data-testid=\"evidence-kept\"", await office.GetStringAsync(Civilization.Item(item)));
        Assert.Equal(HttpStatusCode.NotFound, (await DeleteAsync(member, item, reviewed)).StatusCode);
        // Evidence added after that review is the author's to take back, and the item waits for review only while it is there.
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitEvidenceAsync(item, "补充一份总结。")).StatusCode);
        var later = await _portal.LatestEvidenceAsync(item);
        Assert.Equal(new ItemState(ItemStatus.Met, AwaitingReview: true), await _portal.EvidenceStateAsync(item));
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(member, item, later)).StatusCode);
        Assert.Equal(new ItemState(ItemStatus.Met, AwaitingReview: false), await _portal.EvidenceStateAsync(item));
        Assert.Contains("data-testid=\"delete-evidence\"", await office.GetStringAsync(Civilization.Item(item)));
        Assert.Equal(HttpStatusCode.Redirect, (await DeleteAsync(office, item, reviewed)).StatusCode);
        Assert.Equal(0, await _portal.EvidenceCountAsync(item));
        // The reviewer's verdict is not undone by the office's clean-up.
        Assert.Equal(new ItemState(ItemStatus.Met, AwaitingReview: false), await _portal.EvidenceStateAsync(item));
    }

    [Fact]
    public async Task The_file_store_deletes_within_the_caller_s_transaction_and_audits_only_what_committed()
    {
        var other = await _portal.CreateAgencyAsync("CIVF", "civf-admin", "agency-admin,member", "civilization");
        var agency = await _portal.DemoAgencyIdAsync();
        using var _ = AgencyScope.Use(agency);
        int kept, gone;
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
            var upload = await store.ReadAsync("a.png", new MemoryStream(AttachmentTests.Png));
            kept = (await store.SaveAsync("civilization", "evidence:rollback", upload)).Id;
            gone = (await store.SaveAsync("civilization", "evidence:commit", upload)).Id;
        }
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
            var work = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            // Outside a transaction it refuses rather than delete on its own.
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.DeleteAllAsync("civilization", ["evidence:rollback"], work));
            await using (var tx = await work.Database.BeginTransactionAsync())
            {
                Assert.Equal(1, await store.DeleteAllAsync("civilization", ["evidence:rollback"], work));
                await tx.RollbackAsync();
            }
            await using (var tx = await work.Database.BeginTransactionAsync())
            {
                Assert.Equal(1, await store.DeleteAllAsync("civilization", ["evidence:commit", "evidence:none"], work));
                // Another module's files under the same key are not touched.
                Assert.Equal(0, await store.DeleteAllAsync("org-life", ["evidence:rollback"], work));
                await tx.CommitAsync();
            }
        }
        // Another agency's unit of work does not reach this agency's files.
        using (AgencyScope.Use(other))
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
            var work = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            await using var tx = await work.Database.BeginTransactionAsync();
            Assert.Equal(0, await store.DeleteAllAsync("civilization", ["evidence:rollback"], work));
            await tx.CommitAsync();
        }
        Assert.True(await _portal.StoredFileExistsAsync(kept));
        Assert.False(await _portal.StoredFileExistsAsync(gone));
        Assert.Empty(await _portal.AuditEntriesAsync("delete", $".StoredFile#{kept}"));
        Assert.Single(await _portal.AuditEntriesAsync("delete", $".StoredFile#{gone}"));
    }
}
