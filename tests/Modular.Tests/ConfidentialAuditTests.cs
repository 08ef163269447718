using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Tests.Infrastructure;

namespace Modular.Tests;

/// <summary>
/// Fields marked <c>[Confidential]</c> in a module: a change writes an audit line that names the field, never its value
/// (neither old nor new), and the audit administrator's export carries none either.
/// </summary>
public static class ConfidentialAudit
{
    public const string Placeholder = "(confidential)";

    /// <summary>The audit lines whose target starts with <paramref name="target"/> name <paramref name="field"/> as confidential and carry none of the texts.</summary>
    public static async Task AssertAsync(PortalFactory portal, string target, string field, int atLeast, params string[] secrets)
    {
        var lines = await portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Target.StartsWith(target)).ToListAsync());
        // Set, changed or removed: the field is named, its value stands as the placeholder (or null where there was none).
        var naming = lines.Where(e => Regex.IsMatch(e.Details ?? "", $"\"{field}\":\\[(null,)?\"{Regex.Escape(Placeholder)}\"")).ToList();
        Assert.True(naming.Count >= atLeast, $"expected {atLeast} line(s) naming {field} on {target}, found {naming.Count}: {string.Join(" / ", lines.Select(l => l.Details).Take(5))}");
        foreach (var secret in secrets)
            Assert.DoesNotContain(lines, e => e.Details?.Contains(secret) == true);
        var csv = await (await (await portal.SignedInAsync("auditor")).GetAsync("/Audit?handler=Export")).Content.ReadAsStringAsync();
        Assert.Contains(Placeholder, csv);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, csv);
    }

    public static string Value(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
}

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

public sealed class OrgLifeConfidentialAuditTests : IClassFixture<OrgLifeConfidentialAuditTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life");

    private readonly Portal _portal;
    public OrgLifeConfidentialAuditTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task A_heart_to_heart_talk_is_audited_without_its_topic_or_note()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var page = await secretary.GetStringAsync("/m/org-life/Talks");
        var ids = Regex.Matches(Regex.Match(page, "id=\"Input_InitiatorMemberId\".*?</select>", RegexOptions.Singleline).Value, "<option value=\"(\\d+)\">")
            .Select(m => m.Groups[1].Value).ToList();
        var saved = await secretary.PostFormAsync("/m/org-life/Talks", new Dictionary<string, string>
        {
            ["Input.Date"] = DateTime.Today.ToString("yyyy-MM-dd"), ["Input.InitiatorMemberId"] = ids[0], ["Input.PartnerMemberId"] = ids[1],
            ["Input.Topic"] = "谈心主题：家庭困难", ["Input.Note"] = "谈心记录：配偶患病需要照顾",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await ConfidentialAudit.AssertAsync(_portal, "OrgLife.HeartToHeartTalk#", "Topic", 1, "家庭困难", "配偶患病");
        await ConfidentialAudit.AssertAsync(_portal, "OrgLife.HeartToHeartTalk#", "Note", 1, "家庭困难", "配偶患病");
    }

    [Fact]
    public async Task A_self_appraisal_is_audited_without_its_text()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var year = DateTime.Today.Year;
        var index = await secretary.GetStringAsync($"/m/org-life/Appraisals?year={year}");
        var branch = Regex.Match(index, "name=\"Branch\" value=\"(\\d+)\"").Groups[1].Value;
        await secretary.PostFormAsync($"/m/org-life/Appraisals?year={year}", new Dictionary<string, string> { ["Branch"] = branch, ["year"] = year.ToString() }, $"/m/org-life/Appraisals?handler=Start&year={year}");
        var member = await _portal.SignedInAsync("member");
        var self = await member.PostFormAsync($"/m/org-life/Appraisals?year={year}", new Dictionary<string, string> { ["SelfAppraisal"] = "自评：本人存在学习不够深入的问题。", ["year"] = year.ToString() },
            $"/m/org-life/Appraisals?handler=Self&year={year}");
        Assert.Equal(HttpStatusCode.Redirect, self.StatusCode);
        await ConfidentialAudit.AssertAsync(_portal, "OrgLife.AppraisalEntry#", "SelfAppraisal", 1, "学习不够深入");
    }
}
