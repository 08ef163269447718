using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// A branch's year of records, read once and written out as a branch work manual (支部工作手册, Word, by
/// DocumentFormat.OpenXml) or as a workbook (Excel, by MiniExcel): meetings by type, talks, appraisal results.
/// </summary>
public sealed class BranchYearBook(OrgLifeDbContext db, Roster roster, OrgLifeSettings settings, CountedThemeDays countedThemeDays)
{
    /// <param name="ThemeDay">The branch's fixed theme Party day, to mark one held on another day (改期).</param>
    /// <param name="Counted">Other modules' records counted as the branch's theme Party days (volunteer activities), live or as kept.</param>
    public sealed record Book(OrganizationInfo Branch, int Year, IReadOnlyList<Meeting> Meetings, IReadOnlyList<HeartToHeartTalk> Talks, Appraisal? Appraisal, int ThemeDay,
        IReadOnlyList<SharedRecord> Counted)
    {
        /// <summary>"（改期，固定日 5月15日）" for a theme Party day away from its fixed day; empty otherwise.</summary>
        public string MovedNote(Meeting m) => m.Type == MeetingType.ThemePartyDay ? MovedNote(m.Date) : "";

        /// <summary>The same note for a counted theme Party day held on <paramref name="date"/>.</summary>
        public string MovedNote(DateOnly date) => CadenceRules.MoveOf(date, ThemeDay) is { } moved ? $"（改期，固定日 {moved.Fixed:M月d日}）" : "";

        /// <summary>Counted theme Party days as the manual and the workbook name them.</summary>
        public const string CountedNote = "（由志愿服务活动计入）";
    }

    public async Task<Book> LoadAsync(OrganizationInfo branch, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Attendees).Include(m => m.Decisions).AsSplitQuery()
            .Where(m => m.BranchId == branch.Id && m.Status == MeetingStatus.Held && m.Date >= first && m.Date <= last)
            .OrderBy(m => m.Date).ToListAsync(ct);
        var talks = await db.Talks.AsNoTracking().Where(t => t.BranchId == branch.Id && t.Date >= first && t.Date <= last).OrderBy(t => t.Date).ToListAsync(ct);
        var appraisal = await db.Appraisals.AsNoTracking().Include(a => a.Entries).FirstOrDefaultAsync(a => a.BranchId == branch.Id && a.Year == year, ct);
        await roster.PreloadAsync([branch.Id], ct);
        var counted = (await countedThemeDays.OfYearAsync(year, [branch.Id], ct))[branch.Id].OrderBy(r => r.Date).ToList();
        return new Book(branch, year, meetings, talks, appraisal, (await settings.ThemeDaysAsync(ct))(branch.Id), counted);
    }

    private async Task<string> NamesAsync(IEnumerable<MeetingAttendee> rows, Attendance attendance, CancellationToken ct)
    {
        var names = new List<string>();
        foreach (var a in rows.Where(a => a.Attendance == attendance))
            names.Add(await roster.NameAsync(a.MemberId, ct) + (a.LeaveReason is { Length: > 0 } r ? $"（{r}）" : ""));
        return names.Count == 0 ? "无" : string.Join("、", names);
    }

    public async Task<byte[]> WordAsync(Book book, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var body = main.Document.Body!;
            body.Append(Para($"{book.Branch.Name}", 36, bold: true, center: true));
            body.Append(Para($"{book.Year}年党支部工作手册", 32, bold: true, center: true));
            foreach (var type in Labels.MeetingTypes)
            {
                var meetings = book.Meetings.Where(m => m.Type == type).ToList();
                var counted = type == MeetingType.ThemePartyDay ? book.Counted : [];
                body.Append(Para($"{type.Zh()}记录（{meetings.Count + counted.Count} 次）", 28, bold: true));
                if (meetings.Count + counted.Count == 0) body.Append(Para("本年度无记录。"));
                foreach (var m in meetings)
                {
                    body.Append(Para($"{m.Date:yyyy年M月d日}{book.MovedNote(m)} {m.StartTime:HH\\:mm}　{m.Topic}", 24, bold: true));
                    body.Append(Para($"地点：{m.Place}　主持人：{await roster.NameAsync(m.HostMemberId, ct)}　应到 {m.Attendees.Count} 人，实到 {m.Attendees.Count(a => a.Attendance == Attendance.Present)} 人"));
                    body.Append(Para($"请假：{await NamesAsync(m.Attendees, Attendance.Leave, ct)}；缺席：{await NamesAsync(m.Attendees, Attendance.Absent, ct)}"));
                    body.Append(Para($"会议内容：{m.Minutes}"));
                    foreach (var d in m.Decisions)
                        body.Append(Para($"表决事项：{d.Subject}（赞成 {d.VotesFor} 票，反对 {d.VotesAgainst} 票，弃权 {d.Abstentions} 票）"));
                }
                foreach (var r in counted)
                {
                    body.Append(Para($"{r.Date:yyyy年M月d日}{book.MovedNote(r.Date)}　{r.Title}{Book.CountedNote}", 24, bold: true));
                    body.Append(Para($"地点：{r.Place}" + (r.Attendance is { } att ? $"　报名 {att.Expected} 人，签到 {att.Present} 人" : "")));
                }
            }
            body.Append(Para($"谈心谈话记录（{book.Talks.Count} 次）", 28, bold: true));
            foreach (var t in book.Talks)
                body.Append(Para($"{t.Date:yyyy年M月d日}　{await roster.NameAsync(t.InitiatorMemberId, ct)} 与 {await roster.NameAsync(t.PartnerMemberId, ct)}：{t.Topic}{(t.Note is { Length: > 0 } n ? "。" + n : "")}"));
            body.Append(Para("民主评议党员结果", 28, bold: true));
            if (book.Appraisal is not { Stage: AppraisalStage.Published } a) body.Append(Para("本年度评议结果尚未公布。"));
            else
            {
                body.Append(Para(string.Join("；", Enum.GetValues<AppraisalStage>().Where(x => a.DoneOn(x) is not null).Select(x => $"{x.Zh()} {a.DoneOn(x):yyyy年M月d日}"))));
                foreach (var g in Enum.GetValues<AppraisalGrade>())
                {
                    var names = new List<string>();
                    foreach (var e in a.Entries.Where(e => e.Grade == g)) names.Add(await roster.NameAsync(e.MemberId, ct));
                    body.Append(Para($"{g.Zh()}（{names.Count} 人）：{(names.Count == 0 ? "无" : string.Join("、", names))}"));
                }
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text, int halfPoints = 24, bool bold = false, bool center = false)
    {
        var props = new RunProperties();
        props.Append(new RunFonts { Ascii = "SimSun", HighAnsi = "SimSun", EastAsia = "SimSun" });
        if (bold) props.Append(new Bold());
        props.Append(new FontSize { Val = halfPoints.ToString() });
        var p = new Paragraph();
        if (center) p.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        p.Append(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return p;
    }

    public async Task<byte[]> ExcelAsync(Book book, CancellationToken ct)
    {
        var meetings = new List<Dictionary<string, object?>>();
        foreach (var m in book.Meetings)
            meetings.Add(new()
            {
                ["日期"] = m.Date.ToString("yyyy-MM-dd") + book.MovedNote(m), ["类型"] = m.Type.Zh(), ["主题"] = m.Topic, ["地点"] = m.Place,
                ["主持人"] = await roster.NameAsync(m.HostMemberId, ct), ["应到"] = m.Attendees.Count,
                ["出席"] = m.Attendees.Count(a => a.Attendance == Attendance.Present), ["请假"] = m.Attendees.Count(a => a.Attendance == Attendance.Leave),
                ["缺席"] = m.Attendees.Count(a => a.Attendance == Attendance.Absent), ["表决事项"] = string.Join("；", m.Decisions.Select(d => $"{d.Subject}（{d.VotesFor}/{d.VotesAgainst}/{d.Abstentions}）")),
            });
        foreach (var r in book.Counted)
            meetings.Add(new()
            {
                ["日期"] = r.Date.ToString("yyyy-MM-dd") + book.MovedNote(r.Date), ["类型"] = MeetingType.ThemePartyDay.Zh(), ["主题"] = r.Title + Book.CountedNote,
                ["地点"] = r.Place, ["主持人"] = "", ["应到"] = r.Attendance?.Expected, ["出席"] = r.Attendance?.Present, ["请假"] = null, ["缺席"] = null, ["表决事项"] = "",
            });
        meetings.Sort((a, b) => string.CompareOrdinal((string)a["日期"]!, (string)b["日期"]!));
        var talks = new List<Dictionary<string, object?>>();
        foreach (var t in book.Talks)
            talks.Add(new() { ["日期"] = t.Date.ToString("yyyy-MM-dd"), ["谈话人"] = await roster.NameAsync(t.InitiatorMemberId, ct), ["谈话对象"] = await roster.NameAsync(t.PartnerMemberId, ct), ["主题"] = t.Topic });
        var grades = new List<Dictionary<string, object?>>();
        if (book.Appraisal is { Stage: AppraisalStage.Published } a)
            foreach (var e in a.Entries)
                grades.Add(new() { ["姓名"] = await roster.NameAsync(e.MemberId, ct), ["等次"] = e.IsProbationary ? "预备党员（不评定等次）" : e.Grade?.Zh() });
        var sheets = new Dictionary<string, object>
        {
            ["会议记录"] = meetings.Count > 0 ? meetings : [new() { ["日期"] = "本年度无记录" }],
            ["谈心谈话"] = talks.Count > 0 ? talks : [new() { ["日期"] = "本年度无记录" }],
            ["民主评议"] = grades.Count > 0 ? grades : [new() { ["姓名"] = "结果尚未公布" }],
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }
}
