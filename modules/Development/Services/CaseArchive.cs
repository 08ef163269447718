using System.IO.Compression;

namespace Modular.Modules.Development.Services;

/// <summary>
/// A person's whole development file as the Party office archives it (step 25, 材料归档): one Word document with every
/// step in order (its date, who acted, what was recorded: vote figures, training, the review's conclusion, the decision)
/// and a list of the materials; with attachments, a zip of that document and the files, one folder per step.
/// </summary>
public sealed class CaseArchive(IWordDocuments word, StepAttachments attachments, IAgencyClock clock)
{
    /// <summary>A download: its name, content type and bytes.</summary>
    public sealed record Download(string FileName, string ContentType, byte[] Content);

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六"];

    private static readonly IReadOnlyDictionary<Stage, string> StageNames = new Dictionary<Stage, string>
    {
        [Stage.Application] = "申请入党", [Stage.Activist] = "入党积极分子的确定和培养教育", [Stage.Candidate] = "发展对象的确定和考察",
        [Stage.Admission] = "预备党员的接收", [Stage.Probation] = "预备党员的教育考察和转正",
    };

    public async Task<Download> ExportAsync(CaseDocuments.Source s, CancellationToken ct)
    {
        var files = await attachments.ListAsync(s.Case.Steps.Select(x => x.Id).ToList(), ct);
        var stepOf = s.Case.Steps.ToDictionary(x => x.Id);
        var document = word.Render(Document(s, files));
        var name = $"{s.Person}-发展党员档案";
        if (files.Count == 0) return new Download(name + ".docx", OfficeFiles.WordContentType, document);

        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await AddAsync(archive, name + ".docx", document, ct);
            foreach (var (stepId, list) in files.OrderBy(f => f.Key))
                foreach (var f in list)
                    if (await attachments.OpenAsync(stepId, f.Id, ct) is { } content)
                        await AddAsync(archive, $"附件/{Folder(stepOf[stepId])}/{f.Id}-{Safe(f.FileName)}", content.Content, ct);
        }
        return new Download(name + ".zip", "application/zip", zip.ToArray());
    }

    private static async Task AddAsync(ZipArchive archive, string path, byte[] content, CancellationToken ct)
    {
        await using var entry = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
        await entry.WriteAsync(content, ct);
    }

    private static string Folder(CaseStep step) => $"第{step.Step:00}步-{CaseSheet.StepName(step.Step)}";

    // A stored name is the uploader's; keep it out of other folders.
    private static string Safe(string fileName) => string.Concat(fileName.Select(c => c is '/' or '\\' or ':' || char.IsControl(c) ? '_' : c));

    public WordDocument Document(CaseDocuments.Source s, IReadOnlyDictionary<int, IReadOnlyList<StoredFileInfo>> files)
    {
        var c = s.Case;
        var doc = new WordDocument($"{s.Person}同志发展党员档案") { Subtitle = $"中共{s.Branch}　{CaseDocuments.Day(clock.Today)}整理" };
        doc.Table(["项目", "内容"], new (string, string)[]
        {
            ("姓名", s.Person), ("性别", s.Gender), ("所在党支部", s.Branch), ("当前阶段", StageNames[c.Stage]),
            ("状态", c.Status switch { CaseStatus.Completed => "已转为正式党员", CaseStatus.Cancelled => "已取消预备党员资格", _ => "进行中" }),
            ("递交入党申请书日期", CaseDocuments.Day(s.History.Latest(Steps.Application)?.Date)),
            ("培养联系人", s.HelperNames(HelperRole.Mentor)), ("入党介绍人", s.HelperNames(HelperRole.Sponsor)),
            ("入党日期", s.History.AdmittedOn is { } a ? CaseDocuments.Day(a) : ""), ("预备期满日期", s.History.ProbationEnds is { } e ? CaseDocuments.Day(e) : ""),
        }.Select(r => (IReadOnlyList<string>)[r.Item1, r.Item2]));
        foreach (var stage in Enum.GetValues<Stage>())
        {
            doc.Heading($"{Numerals[(int)stage - 1]}、{StageNames[stage]}");
            var steps = c.Steps.Where(x => Steps.Get(x.Step).Stage == stage).OrderBy(x => x.Id).ToList();
            if (steps.Count == 0) { doc.Paragraph("尚未进行。"); continue; }
            doc.Table(["步骤", "日期", "办理人", "记录", "附件"], steps.Select(x => (IReadOnlyList<string>)
            [
                $"第{x.Step}步 {CaseSheet.StepName(x.Step)}", x.Date.ToString("yyyy-MM-dd"), s.Actor(x), Details(x, s),
                files.TryGetValue(x.Id, out var list) ? $"{list.Count} 份" : "",
            ]));
        }
        doc.Heading($"{Numerals[5]}、材料目录");
        var all = c.Steps.OrderBy(x => x.Id).SelectMany(x => files.TryGetValue(x.Id, out var list) ? list.Select(f => (Step: x, File: f)) : []).ToList();
        if (all.Count == 0) doc.Paragraph("无上传的附件材料。纸质材料按步骤顺序归档。");
        else
            doc.Table(["序号", "步骤", "文件名", "大小", "上传日期"], all.Select((x, i) => (IReadOnlyList<string>)
            [
                (i + 1).ToString(), $"第{x.Step.Step}步 {CaseSheet.StepName(x.Step.Step)}", x.File.FileName, Size(x.File.Length), x.File.CreatedAt.ToString("yyyy-MM-dd"),
            ]));
        doc.SignatureLine("整理人（签字）：＿＿＿＿＿＿　　审核人（签字）：＿＿＿＿＿＿");
        return doc.Signature($"中共{s.Branch}", clock.Today);
    }

    /// <summary>What a step recorded, in a line: the meeting and its vote, training, the decision, the review's conclusion, the people named, the note.</summary>
    public static string Details(CaseStep x, CaseDocuments.Source s)
    {
        var parts = new List<string>();
        if (x.MeetingTitle is { Length: > 0 } meeting) parts.Add($"会议：{meeting}");
        if (CaseDocuments.VoteText(x) is { Length: > 0 } vote) parts.Add(vote);
        if (x.TrainingDays is not null || x.TrainingHours is not null) parts.Add($"培训{x.TrainingDays ?? 0}天、{x.TrainingHours ?? 0}学时");
        if (x.Outcome is { } outcome)
            parts.Add(outcome switch
            {
                ProbationOutcome.FullMembership => "决定：按期转正",
                ProbationOutcome.Extend => $"决定：延长预备期{x.ExtensionMonths}个月",
                _ => "决定：取消预备党员资格",
            });
        if (x.Step == Steps.Mentors && s.HelperNames(HelperRole.Mentor) is { Length: > 0 } mentors) parts.Add($"培养联系人：{mentors}");
        if (x.Step == Steps.Sponsors && s.HelperNames(HelperRole.Sponsor) is { Length: > 0 } sponsors) parts.Add($"入党介绍人：{sponsors}");
        if (x.Conclusion is { Length: > 0 } conclusion) parts.Add($"政审结论：{conclusion}");
        if (x.Note is { Length: > 0 } note) parts.Add(note);
        return string.Join("；", parts);
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024d / 1024:0.0} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
