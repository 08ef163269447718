namespace Modular.Modules.Supervision.Services;

/// <summary>
/// Issues a month's prompt (提示) to organisations: the prompt, one row per organisation for its answer, a "prompted"
/// step on each task it names, and a message to each organisation's secretary, saved together.
/// </summary>
public sealed class PromptDesk(SupervisionDbContext db, TaskBoard board, ICurrentMember me, IAgencyClock clock, IStringLocalizer<SupervisionModule> T)
{
    public async Task<MonthlyPrompt> IssueAsync(ReportPeriod month, string title, string body, DateOnly answerBy, IReadOnlyCollection<int> targets,
        IReadOnlyCollection<int> taskIds, CancellationToken ct)
    {
        var today = clock.Today;
        var prompt = new MonthlyPrompt
        {
            Year = month.Year, Month = month.Month, Title = title, Body = body, IssuedOn = today, AnswerBy = answerBy,
            Targets = targets.Distinct().Select(o => new PromptTarget { OrganizationId = o }).ToList(),
        };
        db.Prompts.Add(prompt);
        await db.SaveChangesAsync(ct);
        var myId = await me.IdAsync(ct);
        var ids = taskIds.Distinct().ToList();
        var tasks = await db.Tasks.Where(t => ids.Contains(t.Id) && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        foreach (var t in tasks)
            db.Steps.Add(new TaskStep { TaskId = t.Id, Kind = StepKind.Prompted, Date = today, MemberId = myId, PromptId = prompt.Id, Note = Cut(title) });
        await db.SaveChangesAsync(ct);
        var secretaries = await board.SecretariesAsync(prompt.Targets.Select(t => t.OrganizationId), ct);
        foreach (var s in secretaries)
            await board.NotifyOwnerAsync(null, s, new Notice(T["Monthly prompt: {0}", title], T["Please answer by {0}.", answerBy.ToString("yyyy-MM-dd")],
                SupervisionModule.Links.Page($"/Prompts/Details/{prompt.Id}")), ct);
        return prompt;
    }

    /// <summary>Open tasks a prompt for <paramref name="month"/> would name by default: due by the end of the following month.</summary>
    public Task<List<WorkTask>> CandidatesAsync(ReportPeriod month, CancellationToken ct)
    {
        var until = month.Last.AddMonths(1);
        return db.Tasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open && t.Year == month.Year && t.Deadline <= until)
            .OrderBy(t => t.Deadline).ThenBy(t => t.Id).Take(100).ToListAsync(ct);
    }

    private static string Cut(string text) => text.Length <= TaskRules.MaxNote ? text : text[..TaskRules.MaxNote];
}
