using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Host.Shell;
using Modular.Sdk;

namespace Modular.Host.Pages.Audit;

/// <summary>Read-only view of the audit log for the audit administrator: search, export, verify. Nothing here changes a line.</summary>
public sealed class IndexModel(HostDbContext db, AuditVerifier verifier, AuditLog audit, IAgencyClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public int? Agency { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public PagedList<AuditEntry> List { get; private set; } = new([], 1, 50, 0);
    public ChainReport? Report { get; private set; }
    private Dictionary<int, string> _agencies = [];

    public string AgencyName(int id) => _agencies.GetValueOrDefault(id, "#" + id);

    /// <summary>The audit codes people meet most, in words; others show as recorded.</summary>
    public string ActionLabel(string action) => action switch
    {
        "sign-in" => "登录", "sign-in-failed" => "登录失败", "sign-in-locked" => "登录被锁定", "sign-in-password" => "密码验证通过（待双因素）",
        "sign-out" => "退出", "agency-switch" => "切换单位", "create" => "新增", "update" => "修改", "delete" => "删除",
        "password.change" => "修改密码", "two-factor.enable" => "开启双因素认证", "two-factor.disable" => "关闭双因素认证",
        "two-factor.recovery-codes" => "重新生成恢复码", "account.create" => "新建账号", "account.unlock" => "解锁账号",
        "admin-role.set" => "设置管理员角色", "platform.role.granted" => "授予管理员角色", "platform.role.revoked" => "撤销管理员角色",
        "agency.membership.added" => "账号加入单位", "agency.membership.removed" => "账号移出单位",
        "agency.role.granted" => "授予单位角色", "agency.role.revoked" => "撤销单位角色",
        "audit.verify" => "校验审计日志", "audit.export" => "导出审计日志", "audit.prune" => "清理过期审计记录",
        "audit.key-created" => "生成审计日志密钥", "audit.checkpoint-created" => "建立审计日志检查点",
        "member.view-personal-data" => "查看完整个人信息", "member.export" => "导出党员名册", "member.export-full" => "导出党员名册（完整号码）",
        "member.import" => "导入党员", "oidc.authorize" => "单点登录授权", "oidc.consent" => "授权确认", "oidc.client-token" => "应用获取令牌",
        "oidc.client.create" => "注册应用", "oidc.client.update" => "修改应用", "oidc.client.delete" => "删除应用", "oidc.client.secret" => "重置应用密钥",
        "plugin.failed" => "插件加载失败",
        "sign-out-everywhere" => "退出所有设备", "feed-link.create" => "创建订阅链接", "feed-link.revoke" => "撤销订阅链接",
        "demo-data.seed" => "生成演示数据",
        "oversight.view" => "机关工委查看指标", "oversight.export" => "机关工委导出指标", "oversight.task.issued" => "机关工委下发任务",
        "oversight.task.reminded" => "机关工委催办", "oversight.task.reported" => "反馈上级督办进展",
        "plugin.publisher.added" => "添加插件发布者", "plugin.publisher.removed" => "移除插件发布者",
        "plugin.installed" => "安装模块", "plugin.install.failed" => "安装模块失败", "plugin.package.refused" => "拒绝安装包",
        "plugin.upgrade.staged" => "模块待升级", "plugin.uninstall.staged" => "模块待卸载", "plugin.staged.cancelled" => "取消待办的升级或卸载",
        "plugin.upgraded" => "升级模块", "plugin.upgrade.failed" => "升级模块失败", "plugin.uninstalled" => "卸载模块", "plugin.uninstall.failed" => "卸载模块失败",
        "plugin.instance.installed" => "实例同步安装模块", "plugin.instance.refused" => "实例拒绝模块",
        "plugin.instance.upgraded" => "实例同步升级模块", "plugin.instance.upgrade.failed" => "实例同步升级模块失败",
        "plugin.instance.uninstalled" => "实例同步卸载模块", "plugin.instance.uninstall.failed" => "实例同步卸载模块失败",
        "integrity.talk.view" => "查看廉政谈话", "integrity.talk.list" => "查看廉政谈话列表",
        "volunteer.view-contact-phones" => "查看联系电话", "volunteer.hours-adjusted" => "调整服务时长",
        _ => "",
    };

    public string ExportUrl => Url.Page("Index", "Export", new { from = From?.ToString("yyyy-MM-dd"), to = To?.ToString("yyyy-MM-dd"), user = UserName, action = ActionName, agency = Agency })!;

    private IQueryable<AuditEntry> Query()
    {
        var q = db.AuditEntries.AsNoTracking();
        // Dates far outside the log's life are ignored rather than overflowing.
        if (From is { Year: < 2000 or > 2999 }) From = null;
        if (To is { Year: < 2000 or > 2999 }) To = null;
        if (From is { } f) q = q.Where(e => e.Time >= f.ToDateTime(TimeOnly.MinValue, DateTimeKind.Local).ToUniversalTime());
        if (To is { } t) q = q.Where(e => e.Time < t.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Local).ToUniversalTime());
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(e => e.UserName == UserName.Trim());
        if (!string.IsNullOrWhiteSpace(ActionName)) q = q.Where(e => e.Action.StartsWith(ActionName.Trim()));
        if (Agency is { } a) q = q.Where(e => e.AgencyId == a);
        return q.OrderByDescending(e => e.Id);
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await PagedList<AuditEntry>.CreateAsync(Query(), PageNumber, 50, ct);
        await LoadAgenciesAsync(ct);
    }

    private async Task LoadAgenciesAsync(CancellationToken ct)
    {
        var ids = List.Items.Where(e => e.AgencyId != null).Select(e => e.AgencyId!.Value).Distinct().ToList();
        _agencies = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ShortName, ct);
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Report = await verifier.VerifyAsync(ct);
        await audit.WriteAsync("audit.verify", "AuditLog", Report switch
        {
            { Intact: true } => $"intact, {Report.Checked} lines",
            { BrokenAt: { } at } => $"broken at {at}",
            { MissingTail: true } => $"lines missing at the end: checkpoint {Report.ExpectedLastId} ({Report.ExpectedCount} lines), log ends at {Report.LastId?.ToString() ?? "0"}",
            _ => "checkpoint missing or not matching",
        }, Report.Intact, ct);
        List = await PagedList<AuditEntry>.CreateAsync(Query(), 1, 50, ct);
        await LoadAgenciesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var sb = new StringBuilder("Id,Time(UTC),User,Agency,Action,Target,Success,Address,Details,PreviousHash,Hash\n");
        await foreach (var e in Query().Take(100_000).AsAsyncEnumerable().WithCancellation(ct))
        {
            sb.AppendJoin(',', e.Id.ToString(CultureInfo.InvariantCulture), e.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                Csv(e.UserName), e.AgencyId?.ToString(CultureInfo.InvariantCulture) ?? "", Csv(e.Action), Csv(e.Target),
                e.Success ? "1" : "0", Csv(e.Address), Csv(e.Details), e.PreviousHash, e.Hash).Append('\n');
        }
        await audit.WriteAsync("audit.export", "AuditLog", null, true, ct);
        // UTF-8 with BOM so that Excel opens Chinese text correctly.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"audit-{clock.LocalNow:yyyyMMdd-HHmm}.csv");
    }

    private static string Csv(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        // Quote, and defuse spreadsheet formulas.
        var safe = s[0] is '=' or '+' or '-' or '@' ? "'" + s : s;
        return "\"" + safe.Replace("\"", "\"\"") + "\"";
    }
}
