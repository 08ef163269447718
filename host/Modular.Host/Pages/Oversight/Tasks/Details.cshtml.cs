using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Localization;
using Modular.Host.Oversight;
using Modular.Sdk;

namespace Modular.Host.Pages.Oversight.Tasks;

/// <summary>One committee task: each agency's state and latest progress, with the committee's reply; 催办 for those not done.</summary>
public sealed class DetailsModel(CommitteeTasks tasks, IAuditLog audit, IText text) : PageModel
{
    public CommitteeTask Task { get; private set; } = null!;
    public IReadOnlyList<CommitteeTasks.CopyRow> Copies { get; private set; } = [];
    /// <summary>The agency's copy whose reply form was sent back with problems.</summary>
    [BindProperty] public int? CopyId { get; set; }
    [BindProperty] public string? Reply { get; set; }
    [BindProperty] public long Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await tasks.DetailsAsync(id, ct) is not { } found) return NotFound();
        (Task, Copies) = found;
        await audit.WriteAsync("oversight.view", "CommitteeTask#" + id, null, true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(int id, CancellationToken ct)
    {
        ModelState.Clear();
        if (CopyId is not { } copy || await tasks.ReplyAsync(id, copy, Reply, Version, ct) is not { } problems) return NotFound();
        if (problems.Count == 0) return this.RedirectWithMessage(text["Reply sent to the agency."], null, new { id });
        if (await tasks.DetailsAsync(id, ct) is not { } found) return NotFound();
        (Task, Copies) = found;
        foreach (var p in problems)
            ModelState.AddModelError(p.Field, p.Message == Problem.StaleKey ? PageOutcomes.ChangedByOthers.Current : text[p.Message, p.Args]);
        return Page();
    }

    public async Task<IActionResult> OnPostRemindAsync(int id, int? copyId, CancellationToken ct)
    {
        if (await tasks.RemindAsync(id, copyId, ct) is not { } count) return NotFound();
        return this.RedirectWithMessage(count == 0 ? text["Every agency has finished it."] : text["Pressed {0} agencies.", count], null, new { id });
    }
}
