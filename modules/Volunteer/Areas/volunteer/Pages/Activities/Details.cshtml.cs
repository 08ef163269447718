using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages.Activities;

/// <summary>
/// One activity: members sign up or give up their place here; its organiser publishes, finishes or cancels it,
/// adds people, checks them in and out with one tap, and adjusts hours with a reason.
/// </summary>
[RequirePermission(VolunteerModule.ViewPermission)]
public sealed class DetailsModel(VolunteerDbContext db, VolunteerAccess access, ICurrentMember member, PeopleLookup people, Places places,
    ActivityEditor editor, Attendance attendance, IAgencyClock clock, IStringLocalizer<VolunteerModule> T) : PageModel
{
    public sealed record Row(SignUp SignUp, string Name, string Organization, int? Position);

    public Activity Activity { get; private set; } = new();
    public bool CanManage { get; private set; }
    public MemberInfo? Me { get; private set; }
    public SignUp? Mine { get; private set; }
    public int? MyPosition { get; private set; }
    public int Accepted { get; private set; }
    public int Waiting { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public string OrganizerName { get; private set; } = "";
    public string OrganizationName { get; private set; } = "";
    public Partner? Partner { get; private set; }
    public IReadOnlyList<MemberInfo> Addable { get; private set; } = [];
    public bool SignUpOpen => SignUpRules.IsOpen(Activity.Status, Activity.SignUpDeadline, clock.LocalNow);
    public bool MayCancelMine => Mine is not null && Activity.Status == ActivityStatus.Published && SignUpRules.MayCancel(Mine.Status, Activity.SignUpDeadline, clock.LocalNow);
    public bool OrganizerMayAdd => SignUpRules.OrganizerMayAdd(Activity.Status, Activity.EndsAt, clock.LocalNow);
    public bool MayFinish => ActivityRules.CanFinish(Activity.Status, Activity.StartsAt, clock.LocalNow);
    public bool AttendanceOpen => Activity.Status is ActivityStatus.Published or ActivityStatus.Finished;
    /// <summary>The person whose refused hours adjustment is shown again, with what was typed.</summary>
    public int? AdjustMemberId { get; private set; }
    public string? AdjustHours { get; private set; }
    public string? AdjustReason { get; private set; }
    /// <summary>A refused cancellation keeps its form open.</summary>
    public bool CancelRefused { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var activity = await (await access.VisibleAsync(db.Activities.AsNoTracking(), ct)).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return false;
        Activity = activity;
        CanManage = await access.CanManageAsync(activity, ct);
        Me = await member.GetAsync(ct);
        var signUps = await db.SignUps.AsNoTracking().Where(s => s.ActivityId == id && s.Status != SignUpStatus.Cancelled)
            .OrderBy(s => s.Status).ThenBy(s => s.Sequence).ThenBy(s => s.Id).ToListAsync(ct);
        Accepted = signUps.Count(s => s.Status == SignUpStatus.Accepted);
        Waiting = signUps.Count(s => s.Status == SignUpStatus.Waiting);
        Mine = Me is null ? null : signUps.FirstOrDefault(s => s.MemberId == Me.Id);
        if (Mine is { Status: SignUpStatus.Waiting }) MyPosition = signUps.Where(s => s.Status == SignUpStatus.Waiting).TakeWhile(s => s.Id != Mine.Id).Count() + 1;
        // The office adds people from the whole roster; everyone else needs only the names on the page.
        if (CanManage) await people.AllMembersAsync(ct);
        else await people.NamesAsync(signUps.Select(s => s.MemberId).Append(activity.OrganizerMemberId), ct);
        OrganizerName = await people.NameAsync(activity.OrganizerMemberId, ct);
        OrganizationName = await people.OrganizationNameAsync(activity.OrganizationId, ct);
        Partner = activity.PartnerId is { } pid ? await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        if (CanManage)
        {
            var waitingPlace = 0;
            foreach (var s in signUps)
            {
                var branch = await people.BranchOfAsync(s.MemberId, ct);
                Rows.Add(new Row(s, await people.NameAsync(s.MemberId, ct), await people.OrganizationNameAsync(branch, ct),
                    s.Status == SignUpStatus.Waiting ? ++waitingPlace : null));
            }
            var taken = signUps.Select(s => s.MemberId).ToHashSet();
            Addable = (await people.AllMembersAsync(ct)).Values.Where(m => m.IsPartyMember && !taken.Contains(m.Id)).OrderBy(m => m.Name).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    /// <summary>The page again with <paramref name="problem"/> next to <paramref name="field"/> and what was typed kept.</summary>
    private async Task<IActionResult> RefuseAsync(int id, string field, string problem, CancellationToken ct)
    {
        ModelState.AddModelError(field, T[problem]);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSignUpAsync(int id, CancellationToken ct)
    {
        if (await member.GetAsync(ct) is not { } me) return this.Fail(id, T["Your account is not linked to a member record; ask the Party office."]);
        var r = await places.SignUpAsync(id, me.Id, byOrganizer: false, ct);
        return r.Outcome switch
        {
            PlaceOutcome.NotFound => NotFound(),
            PlaceOutcome.Accepted => this.Done(id, T["You are signed up."]),
            PlaceOutcome.Waiting => this.Done(id, T["All places are taken: you are number {0} on the waiting list and will be told when a place comes free.", r.Position!]),
            PlaceOutcome.AlreadySignedUp => this.Done(id, T["You are already signed up."]),
            _ => this.Fail(id, T["Sign-up for this activity has closed."]),
        };
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct)
    {
        if (await member.GetAsync(ct) is not { } me) return NotFound();
        var r = await places.CancelAsync(id, me.Id, byOrganizer: false, ct);
        return r.Outcome switch
        {
            PlaceOutcome.NotFound => NotFound(),
            PlaceOutcome.Cancelled => this.Done(id, T["Your sign-up is cancelled."]),
            PlaceOutcome.NotSignedUp => this.Done(id, T["You are not signed up."]),
            _ => this.Fail(id, T["Sign-up has closed: ask the organiser if you cannot come."]),
        };
    }

    /// <summary>The organiser's actions: each checks that the user runs this activity.</summary>
    private async Task<IActionResult?> GuardAsync(int id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !await access.CanManageAsync(activity, ct)) return NotFound();
        return null;
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        await GuardAsync(id, ct) ?? (await editor.PublishAsync(id, ct) ? this.Done(id, T["Published: members can sign up now."]) : this.Fail(id, T["Only a draft can be published."]));

    public async Task<IActionResult> OnPostFinishAsync(int id, CancellationToken ct) =>
        await GuardAsync(id, ct) ?? (await attendance.FinishAsync(id, ct) ? this.Done(id, T["The activity is finished; everyone still checked in was checked out at its end."]) : this.Fail(id, T["Only a published activity that has started can be finished."]));

    public async Task<IActionResult> OnPostCancelActivityAsync(int id, string? reason, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } denied) return denied;
        if (string.IsNullOrWhiteSpace(reason))
        {
            CancelRefused = true;
            return await RefuseAsync(id, "reason", "Please give the reason for cancelling: it is sent to everyone signed up.", ct);
        }
        return await editor.CancelAsync(id, reason, ct) ? this.Done(id, T["The activity is cancelled; everyone signed up has been told."]) : this.Fail(id, T["This activity can no longer be cancelled."]);
    }

    public async Task<IActionResult> OnPostTapAsync(int id, int memberId, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } denied) return denied;
        var name = await people.NameAsync(memberId, ct);
        return await attendance.TapAsync(id, memberId, ct) switch
        {
            AttendanceOutcome.CheckedIn => this.Done(id, T["{0} checked in.", name]),
            AttendanceOutcome.CheckedOut => this.Done(id, T["{0} checked out.", name]),
            AttendanceOutcome.AlreadyDone => this.Done(id, T["{0} has already checked out.", name]),
            AttendanceOutcome.NotOpen => this.Fail(id, T["Check-in opens when the activity is published."]),
            _ => this.Fail(id, T["{0} has no place in this activity.", name]),
        };
    }

    public async Task<IActionResult> OnPostAdjustAsync(int id, int memberId, string? hours, string? reason, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } denied) return denied;
        decimal? value = decimal.TryParse(hours, NumberStyles.Number, CultureInfo.InvariantCulture, out var h) ? h : null;
        if (HoursRules.ValidateAdjustment(value, reason) is { } invalid)
        {
            (AdjustMemberId, AdjustHours, AdjustReason) = (memberId, hours, reason);
            // The hours alone passing, the reason is what is wrong.
            var field = HoursRules.ValidateAdjustment(value, "-") is null ? $"reason-{memberId}" : $"hours-{memberId}";
            return await RefuseAsync(id, field, invalid, ct);
        }
        var problem = await attendance.AdjustAsync(id, memberId, value, reason, ct);
        return problem is null ? this.Done(id, T["Hours of {0} adjusted.", await people.NameAsync(memberId, ct)]) : this.Fail(id, T[problem]);
    }

    public async Task<IActionResult> OnPostAddAsync(int id, int? memberId, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } denied) return denied;
        if (memberId is not { } mid || !await people.ExistsAsync(mid, ct)) return this.Fail(id, T["Choose the person to add."]);
        var name = await people.NameAsync(mid, ct);
        var r = await places.SignUpAsync(id, mid, byOrganizer: true, ct);
        return r.Outcome switch
        {
            PlaceOutcome.Accepted => this.Done(id, T["{0} added.", name]),
            PlaceOutcome.Waiting => this.Done(id, T["All places are taken: {0} is number {1} on the waiting list.", name, r.Position!]),
            PlaceOutcome.AlreadySignedUp => this.Done(id, T["{0} is already signed up.", name]),
            _ => this.Fail(id, T["People can be added only to a published activity before it ends."]),
        };
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, int memberId, CancellationToken ct)
    {
        if (await GuardAsync(id, ct) is { } denied) return denied;
        var r = await places.CancelAsync(id, memberId, byOrganizer: true, ct);
        return r.Outcome == PlaceOutcome.Cancelled ? this.Done(id, T["{0} removed; the first on the waiting list takes the place.", await people.NameAsync(memberId, ct)]) : this.Fail(id, T["This sign-up can no longer be removed."]);
    }
}
