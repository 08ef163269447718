namespace Modular.Modules.Study.Services;

/// <summary>The office's view of a test: who has and has not taken it, results, the hardest questions; and its Excel export.</summary>
public sealed class TestResults(StudyDbContext db, StudyAccess access, PeopleLookup people, IModuleSettings settings)
{
    public sealed record Taker(int MemberId, string Name, string Organization, Attempt? Attempt);
    public sealed record Hard(int QuestionId, int Position, string Text, int Answered, int Wrong)
    {
        public int WrongPercent => Answered == 0 ? 0 : Wrong * 100 / Answered;
    }
    public sealed record Report(StudyTest Test, IReadOnlyList<Taker> Takers, IReadOnlyList<Hard> Hardest, bool Ranked)
    {
        public int Taken => Takers.Count(t => t.Attempt?.SubmittedAt is not null);
        public int Passed => Takers.Count(t => t.Attempt is { SubmittedAt: not null, Passed: true });
    }

    /// <summary>The report of one test of the agency; null for an id of none.</summary>
    public async Task<Report?> ReportAsync(int testId, CancellationToken ct)
    {
        var test = await db.Tests.AsNoTracking().FirstOrDefaultAsync(t => t.Id == testId, ct);
        if (test is null) return null;
        var takers = await access.TakersAsync(test, ct);
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.TestId == testId).ToListAsync(ct);
        // Someone who took it and has since left its takers (moved branch) still shows with their result.
        var names = await people.NamesAsync(attempts.Select(a => a.MemberId).Where(id => !takers.ContainsKey(id)), ct);
        var orgs = await people.OrganizationsByIdAsync(ct);
        var byMember = attempts.ToDictionary(a => a.MemberId);
        var ranked = settings.GetBool(StudyModule.Id, StudyModule.RankingSetting);
        var list = takers.Values.Concat(names.Values.Where(m => !takers.ContainsKey(m.Id)))
            .Select(m => new Taker(m.Id, m.Name, orgs.GetValueOrDefault(m.OrganizationId)?.Name ?? "", byMember.GetValueOrDefault(m.Id)));
        list = ranked
            ? list.OrderByDescending(t => t.Attempt?.SubmittedAt is not null).ThenByDescending(t => t.Attempt?.Score ?? -1).ThenBy(t => t.Organization).ThenBy(t => t.Name)
            : list.OrderBy(t => t.Organization).ThenBy(t => t.Name);
        var submitted = attempts.Where(a => a.SubmittedAt is not null).Select(a => a.Id).ToList();
        var questions = await db.TestQuestions.AsNoTracking().Where(q => q.TestId == testId).OrderBy(q => q.Position).ToListAsync(ct);
        var right = await db.Answers.AsNoTracking().Where(a => submitted.Contains(a.AttemptId) && a.Correct == true)
            .GroupBy(a => a.TestQuestionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // Wrong counts a question left empty too: everyone who submitted was asked it (in a per-person draw, those given it).
        var asked = questions.ToDictionary(q => q.Id, _ => submitted.Count);
        if (questions.Any(q => q.Pool is not null))
        {
            var lines = DrawRules.Parse(test.DrawSpec);
            foreach (var q in questions) asked[q.Id] = 0;
            foreach (var a in attempts.Where(a => a.SubmittedAt is not null))
                foreach (var q in TestTaking.Asked(questions, lines, a.Seed)) asked[q.Id]++;
        }
        var hardest = questions.Select(q => new Hard(q.Id, q.Position, q.Text, asked[q.Id], asked[q.Id] - right.GetValueOrDefault(q.Id)))
            .Where(h => h.Answered > 0).OrderByDescending(h => h.Wrong).ThenBy(h => h.Position).Take(10).ToList();
        return new Report(test, list.ToList(), hardest, ranked);
    }

    public static byte[] Export(Report report)
    {
        var rows = report.Takers.Select((t, i) =>
        {
            var row = new Dictionary<string, object?>();
            if (report.Ranked) row["名次"] = t.Attempt?.SubmittedAt is not null ? i + 1 : null;
            row["姓名"] = t.Name;
            row["所在组织"] = t.Organization;
            row["状态"] = t.Attempt switch { null => "未参加", { SubmittedAt: null } => "答题中", { AutoSubmitted: true } => "已交卷（到时自动交卷）", _ => "已交卷" };
            row["答对题数"] = t.Attempt?.SubmittedAt is not null ? t.Attempt.Correct : null;
            row["总题数"] = t.Attempt?.SubmittedAt is not null ? t.Attempt.Total : null;
            row["得分（%）"] = t.Attempt?.SubmittedAt is not null ? t.Attempt.Score : null;
            row["是否合格"] = t.Attempt?.SubmittedAt is not null ? (t.Attempt.Passed ? "合格" : "不合格") : null;
            row["交卷时间"] = t.Attempt?.SubmittedAt?.ToString("yyyy-MM-dd HH:mm");
            if (report.Test.ClosedBook) row["离开页面次数"] = t.Attempt?.LeftPage;
            return (IDictionary<string, object?>)row;
        }).ToList();
        if (rows.Count == 0) rows.Add(new Dictionary<string, object?> { ["姓名"] = null, ["所在组织"] = null, ["状态"] = null });
        return ExcelSheet.Write(rows);
    }
}
