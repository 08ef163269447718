using Microsoft.AspNetCore.Mvc.RazorPages;


namespace Modular.Modules.Volunteer.Pages;

/// <summary>Where a member lands after scanning the organiser's QR code: one tap checks them in, or out.</summary>
[RequirePermission(VolunteerModule.ViewPermission)]
public sealed class CheckInModel(VolunteerDbContext db, ICurrentMember member, Attendance attendance, IStringLocalizer<VolunteerModule> T) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }
    public Activity? Activity { get; private set; }
    public SignUp? Mine { get; private set; }
    public string? Problem { get; private set; }
    public string? Result { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (attendance.ReadToken(Token) is not { } id || await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } activity)
        {
            Problem = T["This QR code has expired or is not valid. Scan the code the organiser shows now."];
            return;
        }
        Activity = activity;
        if (await member.GetAsync(ct) is not { } me)
        {
            Problem = T["Your account is not linked to a member record; ask the Party office."];
            return;
        }
        Mine = await db.SignUps.AsNoTracking().FirstOrDefaultAsync(s => s.ActivityId == id && s.MemberId == me.Id && s.Status == SignUpStatus.Accepted, ct);
        if (Mine is null) Problem = T["You have no place in this activity. Ask the organiser to add you."];
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = await member.GetAsync(ct);
        var outcome = me is null ? AttendanceOutcome.NotSignedUp : await attendance.ScanAsync(Token, me.Id, ct);
        await LoadAsync(ct);
        Result = outcome switch
        {
            AttendanceOutcome.CheckedIn => T["Checked in. Scan again when you leave to check out."].Value,
            AttendanceOutcome.CheckedOut => T["Checked out. Thank you for your service!"].Value,
            AttendanceOutcome.AlreadyDone => T["You have already checked out."].Value,
            AttendanceOutcome.NotOpen => T["Check-in is not open for this activity."].Value,
            _ => null,
        };
        return Page();
    }
}
