using System.Net;
using System.Text.RegularExpressions;
using Modular.Tests.Auditing;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.OrgLife;

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
