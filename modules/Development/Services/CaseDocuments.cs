using System.Globalization;

namespace Modular.Modules.Development.Services;

/// <summary>
/// The forms and letters of a case as Word documents in the official layout (the SDK's <see cref="WordDocument"/>, rendered
/// by the host): the talk record (step 2), the activist's training and review record (6), the political review's
/// conclusion (10), the public notices before the admission review (12) and before the vote on full membership (23),
/// the higher committee's replies on admission (17) and full membership (24), and the summary for the request for full
/// membership (22). A step's document is filled from what was recorded; for the step due next it is the blank form to
/// take to the talk or the meeting. The text is the Party's own wording in Chinese, whatever the page's language.
/// </summary>
public sealed class CaseDocuments(PeopleLookup people)
{
    private const string Blank = "＿＿＿＿＿＿";

    /// <summary>The steps that have a document, with its name.</summary>
    public static readonly IReadOnlyDictionary<int, string> Names = new Dictionary<int, string>
    {
        [Steps.Talk] = "入党谈话记录",
        [Steps.ActivistReview] = "入党积极分子培养教育考察登记表",
        [Steps.PoliticalReview] = "政治审查结论",
        [12] = "发展对象公示",
        [Steps.AdmissionApproval] = "接收预备党员的批复",
        [Steps.FullMembershipRequest] = "预备党员转正情况汇总表",
        [Steps.FullMembershipVote] = "预备党员转正公示",
        [Steps.FullMembershipApproval] = "预备党员转正的批复",
    };

    /// <summary>Whether the case offers step <paramref name="step"/>'s document: the step was recorded, or may be recorded next.</summary>
    public static bool Offers(CaseHistory history, int step) => Names.ContainsKey(step) && (history.Has(step) || history.AllowedNext().Contains(step));

    /// <summary>What a document is written from: the case with its steps, its mentors and sponsors, and the names behind every id.</summary>
    public sealed record Source(DevelopmentCase Case, IReadOnlyList<CaseHelper> Helpers, IReadOnlyDictionary<int, MemberInfo> Names, string Branch, string Committee)
    {
        public CaseHistory History { get; } = CaseRecorder.HistoryOf(Case.Steps);
        public string Person => Names.GetValueOrDefault(Case.MemberId)?.Name ?? "";
        public string Gender => Names.GetValueOrDefault(Case.MemberId)?.Gender switch { Sdk.Gender.Male => "男", Sdk.Gender.Female => "女", _ => "" };
        public CaseStep? Latest(int step) => Case.Steps.Where(s => s.Step == step).MaxBy(s => s.Id);
        public IEnumerable<CaseStep> All(int step) => Case.Steps.Where(s => s.Step == step).OrderBy(s => s.Id);
        public string DateOf(int step) => Day(Latest(step)?.Date);
        public string Actor(CaseStep? s) => s?.ActorMemberId is { } id && Names.TryGetValue(id, out var m) ? m.Name : "";
        public string HelperNames(HelperRole role) => string.Join("、", Helpers.Where(h => h.Role == role).Select(h => Names.GetValueOrDefault(h.MemberId)?.Name ?? ""));
    }

    /// <summary>Reads what the documents of a case need (the case loaded with its steps).</summary>
    public async Task<Source> SourceAsync(DevelopmentCase c, IReadOnlyList<CaseHelper> helpers, CancellationToken ct)
    {
        var ids = c.Steps.Select(s => s.ActorMemberId).Append(c.MemberId).Concat(helpers.Select(h => (int?)h.MemberId));
        var names = await people.NamesAsync(ids, ct);
        var orgs = await people.OrganizationsAsync(ct);
        var committee = orgs.FirstOrDefault(o => o.ParentId is null)?.Name ?? "";
        return new Source(c, helpers, names, await people.OrganizationNameAsync(c.OrganizationId, ct), committee);
    }

    /// <summary>The document of step <paramref name="step"/> (one of <see cref="Names"/>).</summary>
    public static WordDocument For(Source s, int step) => step switch
    {
        Steps.Talk => Talk(s),
        Steps.ActivistReview => TrainingRecord(s),
        Steps.PoliticalReview => PoliticalReview(s),
        12 => CandidateNotice(s),
        Steps.AdmissionApproval => AdmissionReply(s),
        Steps.FullMembershipRequest => RequestSummary(s),
        Steps.FullMembershipVote => FullMembershipNotice(s),
        Steps.FullMembershipApproval => FullMembershipReply(s),
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>A file name for a document: 张三-入党谈话记录.docx.</summary>
    public static string FileName(Source s, string name) => $"{s.Person}-{name}.docx";

    private static WordDocument Talk(Source s)
    {
        var talk = s.Latest(Steps.Talk);
        var doc = Form("入党谈话记录", s, ("递交入党申请书日期", s.DateOf(Steps.Application)), ("谈话时间", Day(talk?.Date)), ("谈话人", Or(s.Actor(talk))));
        doc.Heading("一、谈话内容");
        doc.Paragraph(talk?.Note ?? "（了解申请人的入党动机和对党的认识，向其介绍党的基本知识，提出希望和要求。）\n\n\n");
        doc.Heading("二、谈话对象的认识和态度");
        doc.Paragraph("\n\n");
        doc.SignatureLine($"谈话人（签字）：{Blank}　　谈话对象（签字）：{Blank}");
        return doc.Signature($"中共{s.Branch}", talk?.Date);
    }

    private static WordDocument TrainingRecord(Source s)
    {
        var doc = Form("入党积极分子培养教育考察登记表", s,
            ("递交入党申请书日期", s.DateOf(Steps.Application)), ("确定为入党积极分子日期", s.DateOf(Steps.ActivistDecided)),
            ("报上级党委备案日期", s.DateOf(4)), ("培养联系人", Or(s.HelperNames(HelperRole.Mentor))), ("指定培养联系人日期", s.DateOf(Steps.Mentors)));
        doc.Heading("一、培养教育考察情况");
        var reviews = s.All(Steps.ActivistReview).Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), Day(r.Date), s.Actor(r), r.Note ?? ""]).ToList();
        // Room to write the next half-year's review by hand while the person is still an activist.
        if (!s.History.Has(Steps.CandidateDecided)) reviews.Add([(reviews.Count + 1).ToString(CultureInfo.InvariantCulture), "", "", ""]);
        doc.Table(["序号", "考察日期", "考察人", "培养教育考察情况"], reviews);
        doc.Paragraph("按照规定，党支部每半年对入党积极分子进行一次考察。");
        doc.Heading("二、党支部意见");
        doc.Paragraph("\n\n");
        doc.SignatureLine($"培养联系人（签字）：{Blank}　　党支部书记（签字）：{Blank}");
        return doc.Signature($"中共{s.Branch}", s.Latest(Steps.ActivistReview)?.Date);
    }

    private static WordDocument PoliticalReview(Source s)
    {
        var review = s.Latest(Steps.PoliticalReview);
        var doc = Form($"关于{s.Person}同志的政治审查结论", s, ("确定为发展对象日期", s.DateOf(Steps.CandidateDecided)), ("政治审查日期", Day(review?.Date)));
        doc.Heading("一、审查内容");
        doc.Paragraph($"根据《中国共产党发展党员工作细则》，党支部对{s.Person}同志的政治理论水平、政治历史、在重大政治斗争中的表现、遵纪守法和遵守社会公德情况，" +
            "以及直系亲属和与本人关系密切的主要社会关系的政治情况进行了审查。");
        doc.Heading("二、审查结论");
        doc.Paragraph(review?.Conclusion ?? "\n\n\n");
        doc.SignatureLine($"党支部书记（签字）：{Blank}");
        return doc.Signature($"中共{s.Branch}（盖章）", review?.Date);
    }

    private static WordDocument CandidateNotice(Source s)
    {
        var doc = new WordDocument("发展对象公示") { Subtitle = $"中共{s.Branch}" };
        doc.Paragraph($"经党支部委员会研究，拟将{s.Person}同志作为发展对象，提交支部党员大会讨论接收为中共预备党员。现将有关情况公示如下：");
        doc.Table(["姓名", "性别", "所在党支部", "递交入党申请书日期", "确定为入党积极分子日期", "确定为发展对象日期", "入党介绍人"],
            [[s.Person, s.Gender, s.Branch, s.DateOf(Steps.Application), s.DateOf(Steps.ActivistDecided), s.DateOf(Steps.CandidateDecided), s.HelperNames(HelperRole.Sponsor)]]);
        return NoticeEnd(doc, s, s.Latest(12)?.Date);
    }

    private static WordDocument FullMembershipNotice(Source s)
    {
        var doc = new WordDocument("预备党员转正公示") { Subtitle = $"中共{s.Branch}" };
        doc.Paragraph($"{s.Person}同志于{Day(s.History.AdmittedOn)}经支部党员大会讨论接收为中共预备党员，预备期至{Day(s.History.ProbationEnds)}届满。" +
            "本人已提出转正申请，党支部拟提交支部党员大会讨论其转正问题。现将有关情况公示如下：");
        doc.Table(["姓名", "性别", "所在党支部", "入党日期", "预备期满日期", "提出转正申请日期", "入党介绍人"],
            [[s.Person, s.Gender, s.Branch, Day(s.History.AdmittedOn), Day(s.History.ProbationEnds), s.DateOf(Steps.FullMembershipRequest), s.HelperNames(HelperRole.Sponsor)]]);
        return NoticeEnd(doc, s, s.Latest(Steps.FullMembershipRequest)?.Date);
    }

    /// <summary>
    /// The agency's notice of everyone due for a decision, for the notice board: the candidates for development (number,
    /// name, branch, date decided) and the probationary members to become full members (date of their request).
    /// </summary>
    public static WordDocument NoticeList(string committee, DateOnly today, IEnumerable<IReadOnlyList<string>> candidates, IEnumerable<IReadOnlyList<string>> requests)
    {
        var doc = new WordDocument("发展党员公示") { Subtitle = $"中共{Or(committee)}" };
        doc.Paragraph("为严把发展党员质量关，接受党员和群众监督，现将拟发展对象和拟转为正式党员的预备党员公示如下：");
        doc.Heading("一、拟发展对象");
        var list = candidates.ToList();
        if (list.Count == 0) doc.Paragraph("无。");
        else doc.Table(["序号", "姓名", "所在党支部", "确定为发展对象日期"], list);
        doc.Heading("二、拟转为正式党员的预备党员");
        list = requests.ToList();
        if (list.Count == 0) doc.Paragraph("无。");
        else doc.Table(["序号", "姓名", "所在党支部", "提出转正申请日期"], list);
        doc.Paragraph("公示期为5个工作日。公示期间，党员和群众可以通过来信、来电、来访等方式反映情况。反映问题应实事求是，以个人名义反映的请署真实姓名。");
        doc.Paragraph($"联系人：{Blank}　　联系电话：{Blank}");
        return doc.Signature($"中共{Or(committee)}", today);
    }

    private static WordDocument NoticeEnd(WordDocument doc, Source s, DateOnly? date)
    {
        doc.Paragraph("公示期为5个工作日（自＿＿年＿＿月＿＿日至＿＿年＿＿月＿＿日）。公示期间，党员和群众可以通过来信、来电、来访等方式向党支部或" +
            $"{Or(s.Committee)}反映情况。反映问题应实事求是，以个人名义反映的请署真实姓名。");
        doc.Paragraph($"联系人：{Blank}　　联系电话：{Blank}");
        return doc.Signature($"中共{s.Branch}", date);
    }

    private static WordDocument AdmissionReply(Source s) =>
        Reply(s, Steps.AdmissionVote, Steps.AdmissionApproval, $"接收{s.Person}同志为中共预备党员",
            $"同意接收{s.Person}同志为中共预备党员，预备期一年，自{Day(s.History.AdmittedOn)}起至{Day(s.History.ProbationEnds)}止。",
            "请你支部及时将其编入党小组，组织入党宣誓，认真做好预备期的教育、管理和考察工作。");

    private static WordDocument FullMembershipReply(Source s) =>
        Reply(s, Steps.FullMembershipVote, Steps.FullMembershipApproval, $"{s.Person}同志转为中共正式党员",
            $"同意{s.Person}同志转为中共正式党员{(s.History.WasExtended ? $"（预备期延长{s.History.ExtensionMonths}个月）" : "")}，党龄自{Day(s.History.ProbationEnds)}算起。",
            "请你支部将入党材料整理归档，并继续加强对该同志的教育和管理。");

    /// <summary>The higher committee's reply (批复) to the branch on its meeting's resolution: addressed to the branch, the vote, the decision, the request.</summary>
    private static WordDocument Reply(Source s, int voteStep, int approvalStep, string subject, string decision, string request)
    {
        var vote = s.Latest(voteStep);
        var doc = new WordDocument($"关于{subject}的批复");
        doc.Paragraph($"{s.Branch}：");
        doc.Paragraph($"你支部{Day(vote?.Date)}支部党员大会关于{subject}的决议收悉。{VoteText(vote)}经{Or(s.Committee)}研究，{decision}");
        doc.Paragraph(request);
        return doc.Signature($"中共{Or(s.Committee)}", s.Latest(approvalStep)?.Date);
    }

    private static WordDocument RequestSummary(Source s)
    {
        var request = s.Latest(Steps.FullMembershipRequest);
        var doc = Form("预备党员转正情况汇总表", s,
            ("入党日期（支部大会通过）", Day(s.History.AdmittedOn)), ("上级党委批准日期", s.DateOf(Steps.AdmissionApproval)),
            ("编入支部和党小组日期", s.DateOf(19)), ("入党宣誓日期", s.DateOf(20)), ("预备期满日期", Day(s.History.ProbationEnds)),
            ("延长预备期", s.History.WasExtended ? $"延长{s.History.ExtensionMonths}个月" : "否"),
            ("提出转正申请日期", Day(request?.Date)), ("入党介绍人", Or(s.HelperNames(HelperRole.Sponsor))));
        doc.Heading("一、预备期教育考察情况");
        doc.Table(["序号", "考察日期", "考察人", "教育考察情况"],
            s.All(Steps.ProbationEducation).Select((r, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), Day(r.Date), s.Actor(r), r.Note ?? ""]));
        doc.Heading("二、本人转正申请要点");
        doc.Paragraph(request?.Note ?? "\n\n");
        doc.Heading("三、党支部意见");
        doc.Paragraph("\n\n");
        doc.SignatureLine($"党支部书记（签字）：{Blank}");
        return doc.Signature($"中共{s.Branch}", request?.Date);
    }

    /// <summary>A form: the title, the branch under it, then the person's particulars and the given lines as a table.</summary>
    private static WordDocument Form(string title, Source s, params (string Label, string Value)[] lines)
    {
        var doc = new WordDocument(title) { Subtitle = $"中共{s.Branch}" };
        IEnumerable<(string, string)> rows = [("姓名", s.Person), ("性别", Or(s.Gender)), ("所在党支部", s.Branch), .. lines];
        return doc.Table(["项目", "内容"], rows.Select(r => (IReadOnlyList<string>)[r.Item1, Or(r.Item2)]));
    }

    /// <summary>The vote's figures in a sentence, or nothing when none were recorded.</summary>
    public static string VoteText(CaseStep? vote) => vote?.VoteEntitled is { } due
        ? $"会议应到有表决权的正式党员{due}名，实到{vote.VotePresent ?? 0}名，表决结果：赞成{vote.VoteFor ?? 0}票，反对{vote.VoteAgainst ?? 0}票，弃权{vote.VoteAbstain ?? 0}票。"
        : "";

    /// <summary>2026年5月13日; a blank to fill in by hand when there is no date yet.</summary>
    public static string Day(DateOnly? d) => d is { } x ? $"{x.Year}年{x.Month}月{x.Day}日" : "＿＿年＿＿月＿＿日";

    private static string Or(string? text) => string.IsNullOrWhiteSpace(text) ? Blank : text;
}
