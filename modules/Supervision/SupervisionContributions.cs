namespace Modular.Modules.Supervision;

/// <summary>Dashboard card: open and overdue tasks (the office's whole list, or an owner's own), overdue ledger items, tasks from above.</summary>
public sealed class SupervisionWidget(SupervisionDbContext db, SupervisionAccess access, IHigherTasks higher, IAgencyClock clock) : IDashboardWidget
{
    public string ModuleId => SupervisionModule.Id;
    public string? Permission => SupervisionModule.ViewPermission;
    // Reads this agency's data, the user and the clock; the committee's tasks reach it as copies carrying its id, so
    // issuing, pressing and replying stamp it too.
    public bool Cacheable => true;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var today = clock.Today;
        var tasks = (await access.VisibleTasksAsync(db.Tasks.AsNoTracking(), ct)).Where(t => t.Status == WorkTaskStatus.Open);
        var open = await tasks.CountAsync(ct);
        var late = await tasks.CountAsync(t => t.Deadline < today, ct);
        var items = (await access.VisibleItemsAsync(db.Items.AsNoTracking(), ct)).Where(i => i.Status == ItemStatus.Open);
        var lateItems = await items.CountAsync(i => i.Deadline < today, ct);
        var metrics = new List<WidgetMetric>
        {
            new(new LocalizedText("未完成任务", "Open tasks"), open.ToString(), Tone.Info, SupervisionModule.Links.Home),
            new(new LocalizedText("逾期任务", "Overdue tasks"), late.ToString(), late > 0 ? Tone.Danger : Tone.Good, SupervisionModule.Links.Page("/Index", new { show = "overdue" })),
            new(new LocalizedText("逾期整改事项", "Overdue rectification"), lateItems.ToString(), lateItems > 0 ? Tone.Danger : Tone.Good, SupervisionModule.Links.Page("/Ledgers/Items", new { show = "overdue" })),
        };
        if (access.IsManager)
        {
            var fromAbove = (await higher.ListAsync(ct)).Count(h => h.State != HigherTaskState.Done);
            if (fromAbove > 0) metrics.Add(new(new LocalizedText("上级督办待办", "Open tasks from above"), fromAbove.ToString(), Tone.Warning, SupervisionModule.Links.Home));
        }
        var next = await tasks.Where(t => t.Deadline >= today).OrderBy(t => t.Deadline).Take(3).Select(t => new { t.Id, t.Title, t.Deadline }).ToListAsync(ct);
        var lines = next.Select(t => new WidgetLine(t.Title, SupervisionModule.Links.Page($"/Tasks/Details/{t.Id}"), t.Deadline, Tone.Info)).ToList();
        return new WidgetContent(new LocalizedText("督查督办", "Supervision"), SupervisionModule.Links.Home) { Metrics = metrics, Lines = lines };
    }
}

/// <summary>To-do entries: an owner's open tasks and ledger items and the prompts to answer; for the office, late tasks and items and tasks from above.</summary>
public sealed class SupervisionTodo(SupervisionDbContext db, SupervisionAccess access, IHigherTasks higher, IAgencyClock clock, IStringLocalizer<SupervisionModule> T) : ITodoProvider
{
    public string ModuleId => SupervisionModule.Id;
    public string? Permission => SupervisionModule.ViewPermission;
    // Reads this agency's data, the user and the clock; the committee's tasks reach it as copies carrying its id, so
    // issuing, pressing and replying stamp it too.
    public bool Cacheable => true;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var today = clock.Today;
        var items = new List<TodoItem>();
        var (me, orgs) = await access.OwnerScopeAsync(ct);
        var orgList = orgs.ToList();
        if (!access.IsManager || me != 0)
        {
            var mine = await db.Tasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open && string.IsNullOrEmpty(t.ProofKind)
                    && (t.OwnerMemberId == me || (!access.IsManager && t.OwnerOrganizationId != null && orgList.Contains(t.OwnerOrganizationId.Value))))
                .OrderBy(t => t.Deadline).Take(20).Select(t => new { t.Id, t.Title, t.Deadline }).ToListAsync(ct);
            items.AddRange(mine.Select(t => new TodoItem(T["Report progress: {0}", Short(t.Title)], SupervisionModule.Links.Page($"/Tasks/Details/{t.Id}"), t.Deadline)));
            var myItems = await db.Items.AsNoTracking().Where(i => i.Status == ItemStatus.Open
                    && (i.OwnerMemberId == me || (!access.IsManager && i.OwnerOrganizationId != null && orgList.Contains(i.OwnerOrganizationId.Value))))
                .OrderBy(i => i.Deadline).Take(20).Select(i => new { i.Id, i.Problem, i.Deadline }).ToListAsync(ct);
            items.AddRange(myItems.Select(i => new TodoItem(T["Rectify: {0}", Short(i.Problem)], SupervisionModule.Links.Page($"/Ledgers/Item/{i.Id}"), i.Deadline)));
            if (!access.IsManager)
            {
                var prompts = await (from t in db.PromptTargets.AsNoTracking()
                                     join p in db.Prompts.AsNoTracking() on t.PromptId equals p.Id
                                     where t.AnsweredOn == null && orgList.Contains(t.OrganizationId)
                                     orderby p.AnswerBy
                                     select new { p.Id, p.Title, p.AnswerBy }).Take(20).ToListAsync(ct);
                items.AddRange(prompts.Select(p => new TodoItem(T["Answer the prompt: {0}", Short(p.Title)], SupervisionModule.Links.Page($"/Prompts/Details/{p.Id}"), p.AnswerBy)));
            }
        }
        if (access.IsManager)
        {
            var late = await db.Tasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open && t.Deadline < today).OrderBy(t => t.Deadline).Select(t => t.Deadline).ToListAsync(ct);
            if (late.Count > 0) items.Add(new TodoItem(T["{0} tasks are overdue: check and escalate", late.Count], SupervisionModule.Links.Page("/Index", new { show = "overdue" }), late[0]));
            var lateItems = await db.Items.AsNoTracking().Where(i => i.Status == ItemStatus.Open && i.Deadline < today).OrderBy(i => i.Deadline).Select(i => i.Deadline).ToListAsync(ct);
            if (lateItems.Count > 0) items.Add(new TodoItem(T["{0} rectification items are overdue", lateItems.Count], SupervisionModule.Links.Page("/Ledgers/Items", new { show = "overdue" }), lateItems[0]));
            foreach (var h in (await higher.ListAsync(ct)).Where(h => h.State != HigherTaskState.Done).Take(20))
                items.Add(new TodoItem(h.Reminders > 0 ? T["Pressed from above ({0} times): {1}", h.Reminders, Short(h.Title)] : T["Task from above: {0}", Short(h.Title)],
                    SupervisionModule.Links.Page($"/Higher/Details/{h.Id}"), h.Deadline));
        }
        return items;
    }

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
