using System.Net;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Integrity;

/// <summary>Another agency's people see nothing of this agency's integrity records, on any page or API, even with every role.</summary>
public sealed class IntegrityIsolationTests : IClassFixture<IntegrityIsolationTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityIsolationTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Pages_and_API_of_another_agency_answer_404_and_lists_hold_only_the_own_agency()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var jijian = await _portal.SignedInAsync("jijian");
        var talk = await jijian.RecordTalkAsync(_portal.Today, await _portal.MemberIdAsync("刘纪平"), await _portal.MemberIdAsync("张国强"), "本单位的谈话（隔离测试）");
        var risk = await _portal.FirstRiskAsync(demo);
        var warning = await _portal.FirstWarningSessionAsync(demo);
        var inspection = await _portal.FirstInspectionAsync(demo);
        var item = await _portal.FirstRectificationAsync(demo);

        await _portal.CreateAgencyAsync("GLCS", "glcs", $"{Roles.AgencyAdmin},{Roles.DisciplineInspection},{Roles.Member}", "integrity");
        var other = await _portal.SignedInAsync("glcs");
        foreach (var url in new[]
        {
            $"/m/integrity/Talks/Details/{talk}", $"/m/integrity/Talks/Edit/{talk}", $"/m/integrity/api/talks/{talk}", $"/m/integrity/Risks/Edit/{risk}",
            $"/m/integrity/Warning/Details/{warning}", $"/m/integrity/Warning/Edit/{warning}", $"/m/integrity/Inspections/Details/{inspection}",
            $"/m/integrity/Inspections/Edit/{inspection}", $"/m/integrity/Rectifications/Details/{item}",
        })
        {
            var response = await other.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        var version = await _portal.RiskVersionAsync(risk);
        var post = await other.PostFormAsync("/m/integrity/Risks", new Dictionary<string, string>
        {
            ["Input.Description"] = "被篡改", ["Input.Measures"] = "被篡改", ["Input.Level"] = "Low", ["Input.Version"] = version,
        }, $"/m/integrity/Risks/Edit/{risk}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.NotEqual("被篡改", await _portal.RiskDescriptionAsync(risk));

        foreach (var url in new[] { "/m/integrity/api/talks", "/m/integrity/api/risks", "/m/integrity/api/rectifications" })
            Assert.Equal("[]", await other.GetStringAsync(url));
        var xlsx = await other.GetByteArrayAsync("/m/integrity/api/risks.xlsx");
        Assert.DoesNotContain(MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>(), r => r.Values.Contains("行政审批岗"));
        foreach (var url in new[] { "/m/integrity/Talks", "/m/integrity/Risks", "/m/integrity/Warning", "/m/integrity/Inspections", "/m/integrity/Rectifications?show=all" })
        {
            var html = await other.GetStringAsync(url);
            Assert.DoesNotContain("隔离测试", html);
            Assert.DoesNotContain("行政审批岗", html);
            Assert.DoesNotContain("参观市廉政教育基地", html);
            Assert.DoesNotContain("窗口服务指南未及时更新", html);
        }
    }
}
