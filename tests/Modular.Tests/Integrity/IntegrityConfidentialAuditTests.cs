using System.Net;
using Modular.Tests.Auditing;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Integrity;

public sealed class IntegrityConfidentialAuditTests : IClassFixture<IntegrityConfidentialAuditTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityConfidentialAuditTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task A_talk_summary_is_audited_as_changed_and_never_copied()
    {
        var jijian = await _portal.SignedInAsync("jijian");
        var id = await jijian.RecordTalkAsync(await _portal.MemberIdAsync("刘纪平"), await _portal.MemberIdAsync("张国强"), "提醒谈话：保密内容甲，涉及收受购物卡。");
        var form = await jijian.GetStringAsync($"/m/integrity/Talks/Edit/{id}");
        var saved = await jijian.PostFormAsync($"/m/integrity/Talks/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Reminder", ["Input.Date"] = Integrity.D(Integrity.Today),
            ["Input.TalkerMemberId"] = (await _portal.MemberIdAsync("刘纪平")).ToString(), ["Input.TalkeeMemberId"] = (await _portal.MemberIdAsync("张国强")).ToString(),
            ["Input.Summary"] = "提醒谈话：保密内容乙，已退还购物卡。", ["Input.Version"] = ConfidentialAudit.Value(form, "Input.Version"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await ConfidentialAudit.AssertAsync(_portal, $"Integrity.IntegrityTalk#{id}", "Summary", 2, "保密内容甲", "保密内容乙", "购物卡");
    }

    [Fact]
    public async Task A_members_reflections_are_audited_as_changed_and_never_copied()
    {
        var office = await _portal.SignedInAsync("office");
        var session = await Integrity.IdFromRedirectAsync(await office.PostFormAsync("/m/integrity/Warning/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "WarningFilm", ["Input.Date"] = Integrity.D(Integrity.Today), ["Input.Title"] = "保密测试警示片", ["Input.OrganizationId"] = "", ["Input.Version"] = "0",
        }));
        var member = await _portal.SignedInAsync("member");
        var url = $"/m/integrity/Warning/Details/{session}";
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(url, new Dictionary<string, string> { ["Reflection"] = "心得甲：深受触动的个人感想。" }, url + "?handler=Reflection")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostFormAsync(url, new Dictionary<string, string> { ["Reflection"] = "心得乙：修改后的个人感想。" }, url + "?handler=Reflection")).StatusCode);
        await ConfidentialAudit.AssertAsync(_portal, "Integrity.WarningAttendee#", "Reflection", 2, "心得甲", "心得乙", "个人感想");
    }
}
