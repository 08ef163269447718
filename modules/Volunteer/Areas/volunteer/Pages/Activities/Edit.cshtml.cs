using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages.Activities;

/// <summary>Creates an activity (as a draft) or edits one that is not finished or cancelled.</summary>
[RequirePermission(VolunteerModule.ViewPermission)]
public sealed class EditModel(VolunteerDbContext db, VolunteerAccess access, ICurrentMember member, PeopleLookup people, IAgencyClock clock, ActivityEditor editor,
    IStringLocalizer<VolunteerModule> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public ActivityForm Input { get; set; } = new();
    public IReadOnlyList<OrganizationInfo> Organizations { get; private set; } = [];
    public IReadOnlyList<MemberInfo> Organizers { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Partners { get; private set; } = [];
    public bool AgencyWide => access.IsManager;

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Organizations = await access.OrganizableAsync(ct);
        var visible = Organizations.Select(o => o.Id).ToHashSet();
        var me = await member.GetAsync(ct);
        Organizers = await people.PartyMembersAsync(m => access.IsManager || visible.Contains(m.OrganizationId) || (m.GroupId is { } g && visible.Contains(g)) || m.Id == me?.Id, ct);
        Partners = (await db.Partners.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Kind).ThenBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name)).ToList();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            if (!await access.CanOrganizeAsync(ct)) return NotFound();
            await LoadChoicesAsync(ct);
            var me = await member.GetAsync(ct);
            var start = clock.LocalNow.Date.AddDays(1).AddHours(9);
            Input = new ActivityForm
            {
                StartsAt = start, EndsAt = start.AddHours(2.5), SignUpDeadline = start.AddHours(-1), Capacity = 10, OrganizerMemberId = me?.Id,
                OrganizationId = me is null ? null : await people.BranchOfAsync(me.Id, ct) is { } b && Organizations.Any(o => o.Id == b) ? b : Organizations.FirstOrDefault()?.Id,
            };
            return Page();
        }
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (activity is null || !await access.CanManageAsync(activity, ct)) return NotFound();
        if (!ActivityRules.CanEdit(activity.Status)) return RedirectToPage("Details", new { id = Id });
        await LoadChoicesAsync(ct);
        Input = ActivityForm.From(activity);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Data.Activity? existing = null;
        if (Id is not null)
        {
            existing = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id, ct);
            if (existing is null || !await access.CanManageAsync(existing, ct)) return NotFound();
        }
        else if (!await access.CanOrganizeAsync(ct)) return NotFound();
        await LoadChoicesAsync(ct);
        // Model binding reports unreadable dates and numbers; the rules below give one clear message per field.
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        var choices = new ActivityRules.Choices(Organizers.Select(m => m.Id).ToList(), Organizations.Select(o => o.Id).ToList(), Partners.Select(p => p.Id).ToList(), access.IsManager);
        ModelState.AddProblems(ActivityRules.CheckChoices(Input.OrganizerMemberId, Input.OrganizationId, Input.PartnerId, choices,
            existing is null ? null : new ActivityRules.Stored(existing.OrganizerMemberId, existing.OrganizationId)), T, "Input.", firstPerField: true);
        var branches = (await people.OrganizationsAsync(ct)).Where(o => o.Kind == OrganizationKind.Branch).Select(o => o.Id).ToList();
        ModelState.AddProblems(ActivityRules.CheckThemeDay(Input.CountsAsThemePartyDay, Input.OrganizationId, branches), T, "Input.", firstPerField: true);
        if (!ModelState.IsValid)
        {
            ModelState.AddProblems(ActivityRules.Validate(Input.ToRules()), T, "Input.", firstPerField: true);
            return Page();
        }
        var result = Id is null ? await editor.CreateAsync(Input, ct) : await editor.UpdateAsync(Id.Value, Input, ct);
        switch (result.Outcome)
        {
            case EditOutcome.Saved:
                return this.RedirectWithMessage(T["Saved."], "Details", new { id = result.Id });
            case EditOutcome.Invalid:
                ModelState.AddProblems(result.Problems!, T, "Input.", firstPerField: true);
                return Page();
            case EditOutcome.Stale:
                ModelState.AddModelError("", PageOutcomes.ChangedByOthers.Current);
                return Page();
            case EditOutcome.NotEditable:
                return RedirectToPage("Details", new { id = Id });
            default:
                return NotFound();
        }
    }
}
