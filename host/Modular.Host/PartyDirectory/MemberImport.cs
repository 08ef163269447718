using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// Imports members from an Excel sheet: every row is checked first, every problem is reported by row and
/// column in Chinese, and nothing is imported unless all rows are valid.
/// </summary>
public sealed class MemberImport(DirectoryDbContext db, PersonalDataProtector protector, DirectoryLabels labels, Localization.IText text, IAgencyClock clock)
{
    public sealed record Problem(int Row, string Column, string Message);

    /// <summary>The template's column for each field the shared member rules check.</summary>
    private static readonly Dictionary<string, string> RuleColumns = new()
    {
        ["IdNumber"] = "公民身份号码", ["Phone"] = "手机号码", ["BirthDate"] = "出生日期",
        [nameof(StageDates.ApplicationDate)] = "申请入党日期", [nameof(StageDates.ActivistDate)] = "确定积极分子日期",
        [nameof(StageDates.CandidateDate)] = "确定发展对象日期", [nameof(StageDates.JoinedDate)] = "入党日期", [nameof(StageDates.FullMemberDate)] = "转正日期",
    };
    public sealed record Outcome(int Imported, IReadOnlyList<Problem> Problems);

    /// <summary>The template's columns. A sheet of the old template, with one 状态 column instead of 阶段 and 情况, is read too.</summary>
    public static readonly string[] Columns = ["姓名", "性别", "民族", "出生日期", "公民身份号码", "手机号码", "学历", "职务职级", "所在党组织", "党小组",
        "阶段", "情况", "情况起始日期", "申请入党日期", "确定积极分子日期", "确定发展对象日期", "入党日期", "转正日期", "领导干部"];
    public const int MaxRows = 5000;

    public static byte[] Template()
    {
        var example = new Dictionary<string, object?>
        {
            ["姓名"] = "张三", ["性别"] = "男", ["民族"] = "汉族", ["出生日期"] = "1985-06-01", ["公民身份号码"] = "", ["手机号码"] = "13800000000",
            ["学历"] = "大学本科", ["职务职级"] = "科员", ["所在党组织"] = "第一党支部", ["党小组"] = "", ["阶段"] = "正式党员",
            ["情况"] = "正常", ["情况起始日期"] = "", ["申请入党日期"] = "2008-03-01", ["确定积极分子日期"] = "2008-09-01", ["确定发展对象日期"] = "2009-10-01",
            ["入党日期"] = "2010-07-01", ["转正日期"] = "2011-07-01", ["领导干部"] = "否",
        };
        using var stream = new MemoryStream();
        stream.SaveAs(new[] { example });
        return stream.ToArray();
    }

    public async Task<Outcome> ImportAsync(Stream file, DataScope scope, CancellationToken ct)
    {
        var problems = new List<Problem>();
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = file.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Outcome(0, [new Problem(0, "", "无法读取该文件，请使用下载的模板（.xlsx 格式）。")]);
        }
        if (rows.Count == 0) return new Outcome(0, [new Problem(0, "", "文件中没有数据行。")]);
        if (rows.Count > MaxRows) return new Outcome(0, [new Problem(0, "", $"一次最多导入 {MaxRows} 行，请分批导入。")]);
        var missing = new[] { "姓名", "所在党组织" }.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (missing.Count > 0) return new Outcome(0, [new Problem(1, string.Join("、", missing), "缺少必需的列，请使用下载的模板。")]);

        var orgs = await db.Organizations.AsNoTracking().ToListAsync(ct);
        var stages = Enum.GetValues<MemberStage>().ToDictionary(labels.Stage);
        var situations = Enum.GetValues<MemberSituation>().ToDictionary(labels.Situation);
        var today = clock.Today;
        var seenIds = new Dictionary<string, int>();
        var members = new List<(Member Member, string? IdNumber, string? Phone)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var line = i + 2; // the header is row 1
            var r = rows[i];
            string? Cell(string column) => r.TryGetValue(column, out var v) && v is not null && v.ToString()!.Trim() is { Length: > 0 } s ? s : null;
            void Fail(string column, string message) => problems.Add(new Problem(line, column, message));
            DateOnly? Date(string column)
            {
                if (!r.TryGetValue(column, out var v) || v is null || v.ToString()!.Trim().Length == 0) return null;
                DateOnly? date = v switch
                {
                    DateTime dt => DateOnly.FromDateTime(dt),
                    // Excel's serial days; FromOADate throws outside its range.
                    double serial => serial is > 0 and < 2958466 ? DateOnly.FromDateTime(DateTime.FromOADate(serial)) : DateOnly.MinValue,
                    _ => DateOnly.TryParseExact(v.ToString()!.Trim(), ["yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                };
                if (date is null) Fail(column, "日期格式不正确，应为 2020-07-01。");
                else if (!SaneDates.IsSane(date.Value)) Fail(column, $"日期须在 {SaneDates.MinYear} 年至 {SaneDates.MaxYear} 年之间。");
                else return date;
                return null;
            }

            var m = new Member();
            var name = Cell("姓名");
            if (name is null) Fail("姓名", "姓名不能为空。");
            else if (name.Length > 50) Fail("姓名", "姓名不能超过 50 个字符。");
            else m.Name = name;

            var orgName = Cell("所在党组织");
            var org = orgName is null ? null : orgs.FirstOrDefault(o => o.Name == orgName && o.Kind != OrganizationKind.PartyGroup);
            if (orgName is null) Fail("所在党组织", "所在党组织不能为空。");
            else if (org is null) Fail("所在党组织", $"没有名为“{orgName}”的党组织。");
            else if (!scope.CanSeeOrganization(org.Id)) Fail("所在党组织", $"“{orgName}”不在您负责的范围内。");
            else m.OrganizationId = org.Id;

            if (Cell("党小组") is { } groupName)
            {
                var group = orgs.FirstOrDefault(o => o.Name == groupName && o.Kind == OrganizationKind.PartyGroup && o.ParentId == org?.Id);
                if (group is null) Fail("党小组", $"“{orgName}”下没有名为“{groupName}”的党小组。");
                else m.GroupId = group.Id;
            }
            switch (Cell("性别"))
            {
                case null: break;
                case "男": m.Gender = Gender.Male; break;
                case "女": m.Gender = Gender.Female; break;
                default: Fail("性别", "性别应填“男”或“女”。"); break;
            }
            m.Ethnicity = Cell("民族");
            m.Education = Cell("学历");
            m.Title = Cell("职务职级");
            m.BirthDate = Date("出生日期");
            var idNumber = Cell("公民身份号码")?.ToUpperInvariant();
            var phone = Cell("手机号码");
            m.ApplicationDate = Date("申请入党日期");
            m.ActivistDate = Date("确定积极分子日期");
            m.CandidateDate = Date("确定发展对象日期");
            m.JoinedDate = Date("入党日期");
            m.FullMemberDate = Date("转正日期");
            m.SituationSince = Date("情况起始日期");
            if (m.SituationSince > today) Fail("情况起始日期", text["The date cannot be in the future."]);
            var (stageText, situationText, statusText) = (Cell("阶段"), Cell("情况"), Cell("状态"));
            if (stageText is null && situationText is null && statusText is not null)
            {
                // The old template's one column: read as the migration reads the old values.
                if (LegacyMemberStatus.Labels.TryGetValue(statusText, out var old))
                    (m.Stage, m.Situation) = LegacyMemberStatus.Map(old, m.JoinedDate, m.FullMemberDate, today);
                else Fail("状态", $"状态应为：{string.Join("、", LegacyMemberStatus.Labels.Keys)}。");
            }
            else
            {
                if (stageText is null) m.Stage = MemberStage.FullMember;
                else if (stages.TryGetValue(stageText, out var stage)) m.Stage = stage;
                else Fail("阶段", $"阶段应为：{string.Join("、", stages.Keys)}。");
                if (situationText is null) m.Situation = MemberSituation.Normal;
                else if (situations.TryGetValue(situationText, out var situation)) m.Situation = situation;
                else Fail("情况", $"情况应为：{string.Join("、", situations.Keys)}。");
            }
            if (m.Situation == MemberSituation.Normal) m.SituationSince = null;
            foreach (var p in MemberRules.Check(new(idNumber, phone, m.BirthDate, m.StageDates(null)), today))
                Fail(RuleColumns[p.Field], text[p.Message, p.Args]);
            if (idNumber is not null && PersonalDataFormat.IsValidIdNumber(idNumber))
            {
                if (seenIds.TryGetValue(idNumber, out var first)) Fail("公民身份号码", $"与第 {first} 行重复。");
                else seenIds[idNumber] = line;
                m.BirthDate ??= PersonalDataFormat.BirthDateOf(idNumber);
            }
            m.IsLeadingCadre = Cell("领导干部") is "是";
            members.Add((m, idNumber, phone));
        }
        if (problems.Count > 0) return new Outcome(0, problems);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (m, id, phone) in members)
        {
            protector.SetIdNumber(m, id);
            protector.SetPhone(m, phone);
            db.Members.Add(m);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Outcome(members.Count, []);
    }
}
