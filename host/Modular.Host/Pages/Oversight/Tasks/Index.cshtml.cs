using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Localization;
using Modular.Host.Oversight;
using Modular.Host.Shell;
using Modular.Sdk;

namespace Modular.Host.Pages.Oversight.Tasks;

/// <summary>The committee's tasks and notices to agencies' Party offices (上级督办): the list with each one's progress, and a new one.</summary>
public sealed class IndexModel(CommitteeTasks tasks, IndicatorCollector collector, IAuditLog audit, IText text) : PageModel
{
    public sealed class TaskInput
    {
        public HigherTaskKind Kind { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
        [DataType(DataType.Date)] public DateOnly? Deadline { get; set; }
        public List<int> AgencyIds { get; set; } = [];
    }

    [BindProperty] public TaskInput Input { get; set; } = new();
    public IReadOnlyList<CommitteeTasks.Summary> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await audit.WriteAsync("oversight.view", "CommitteeTasks", null, true, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (id, problems) = await tasks.IssueAsync(new CommitteeTaskRules.Draft(Input.Kind, Input.Title, Input.Body, Input.Deadline, Input.AgencyIds), ct);
            foreach (var p in problems) ModelState.AddModelError("Input." + p.Field, text[p.Message, p.Args]);
            if (id is not null) return this.RedirectWithMessage(text["Sent to {0} agencies.", Input.AgencyIds.Distinct().Count()], "Details", new { id });
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await tasks.ListAsync(ct);
        Agencies = await collector.AgenciesAsync(ct);
    }
}
