using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Transfers.Pages.Mobile;

/// <summary>One mobile member: the entry, the attempts to reach them, lost contact (with its date), found again, back home.</summary>
[RequirePermission(TransfersModule.ManagePermission)]
public sealed class DetailsModel(TransfersDbContext db, MobileRegistry registry, IDirectory directory, IAgencyClock clock, IStringLocalizer<TransfersModule> T) : PageModel
{
    public sealed class ActionInput
    {
        public DateOnly? Date { get; set; }
        public ContactWay Way { get; set; }
        public bool Reached { get; set; }
        public string? Result { get; set; }
        public DateOnly? LostSince { get; set; }
        public DateOnly? EndedOn { get; set; }
        public long Version { get; set; }
    }

    [BindProperty] public ActionInput Input { get; set; } = new();
    public MobileMember Entry { get; private set; } = new();
    public MemberInfo? Member { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await db.MobileMembers.Include(m => m.Attempts).FirstOrDefaultAsync(m => m.Id == id, ct) is not { } entry) return false;
        Entry = entry;
        Member = await directory.GetMemberAsync(entry.MemberId, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var today = clock.Today;
        Input = new ActionInput { Date = today, LostSince = today, EndedOn = today, Version = Entry.Version };
        return Page();
    }

    public Task<IActionResult> OnPostAttemptAsync(int id, CancellationToken ct) =>
        ActAsync(id, e => registry.AddAttemptAsync(e, Input.Date, Input.Way, Input.Reached, Input.Result, ct), T["The attempt was recorded."], false, ct);

    public Task<IActionResult> OnPostLostAsync(int id, CancellationToken ct) =>
        ActAsync(id, e => registry.LostContactAsync(e, Input.LostSince, ct), T["Recorded as out of contact."], true, ct);

    public Task<IActionResult> OnPostFoundAsync(int id, CancellationToken ct) =>
        ActAsync(id, e => registry.FoundAsync(e, ct), T["Recorded as found again."], true, ct);

    public Task<IActionResult> OnPostEndAsync(int id, CancellationToken ct) =>
        ActAsync(id, e => registry.EndAsync(e, Input.EndedOn, ct), T["Recorded as back in the branch."], true, ct);

    private async Task<IActionResult> ActAsync(int id, Func<MobileMember, Task<IReadOnlyList<Problem>>> act, string done, bool versioned, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        IReadOnlyList<Problem> problems = Entry.EndedOn is not null ? [new("", "The entry is closed: the member is back.")]
            : versioned && Entry.Version != Input.Version ? [Problem.Stale()] : await act(Entry);
        if (problems.Count == 0) return this.RedirectWithMessage(done, "/Mobile/Details", new { id });
        ModelState.AddProblems(problems, T, "Input.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
