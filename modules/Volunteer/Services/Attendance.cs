using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Modular.Modules.Volunteer.Services;

public enum AttendanceOutcome { CheckedIn, CheckedOut, AlreadyDone, NotSignedUp, NotOpen, NotFound, BadToken }

/// <summary>Check-in and check-out (a tap by the organiser, or the member scanning the organiser's QR code), hours and their adjustment.</summary>
public sealed class Attendance(VolunteerDbContext db, Places places, IAuditLog audit, IDataProtectionProvider protection, ICurrentAgency agency, IAgencyClock clock)
{
    private ITimeLimitedDataProtector Protector => protection.CreateProtector("volunteer.check-in").ToTimeLimitedDataProtector();

    private static bool IsOpen(ActivityStatus status) => status is ActivityStatus.Published or ActivityStatus.Finished;

    /// <summary>The organiser's tap: checks the person in, or out when they are in (hours follow).</summary>
    public async Task<AttendanceOutcome> TapAsync(int activityId, int memberId, CancellationToken ct = default) =>
        await ToggleAsync(activityId, memberId, byOrganizer: true, ct);

    private async Task<AttendanceOutcome> ToggleAsync(int activityId, int memberId, bool byOrganizer, CancellationToken ct)
    {
        return await places.WithLockAsync(activityId, AttendanceOutcome.NotFound, async activity =>
        {
            if (!IsOpen(activity.Status)) return AttendanceOutcome.NotOpen;
            var s = await db.SignUps.FirstOrDefaultAsync(x => x.ActivityId == activityId && x.MemberId == memberId && x.Status == SignUpStatus.Accepted, ct);
            if (s is null) return AttendanceOutcome.NotSignedUp;
            var now = clock.LocalNow;
            if (s.CheckedInAt is null)
            {
                s.CheckedInAt = now;
                return AttendanceOutcome.CheckedIn;
            }
            if (s.CheckedOutAt is not null) return AttendanceOutcome.AlreadyDone;
            var outAt = byOrganizer ? HoursRules.OrganizerCheckOutTime(now, activity.EndsAt) : now;
            if (outAt < s.CheckedInAt) outAt = s.CheckedInAt.Value;
            s.CheckedOutAt = outAt;
            if (s.HoursAdjustReason is null) s.Hours = HoursRules.FromAttendance(s.CheckedInAt.Value, outAt);
            return AttendanceOutcome.CheckedOut;
        }, ct);
    }

    /// <summary>Finishing an activity checks out at its end everyone still checked in.</summary>
    public async Task<bool> FinishAsync(int activityId, CancellationToken ct = default) =>
        await places.WithLockAsync(activityId, false, async activity =>
        {
            if (!ActivityRules.CanFinish(activity.Status, activity.StartsAt, clock.LocalNow)) return false;
            activity.Status = ActivityStatus.Finished;
            foreach (var s in await db.SignUps.Where(x => x.ActivityId == activityId && x.Status == SignUpStatus.Accepted && x.CheckedInAt != null && x.CheckedOutAt == null).ToListAsync(ct))
            {
                s.CheckedOutAt = s.CheckedInAt > activity.EndsAt ? s.CheckedInAt : activity.EndsAt;
                if (s.HoursAdjustReason is null) s.Hours = HoursRules.FromAttendance(s.CheckedInAt!.Value, s.CheckedOutAt.Value);
            }
            return true;
        }, ct);

    /// <summary>The organiser sets the hours by hand, with a reason; recorded in the audit log.</summary>
    public async Task<string?> AdjustAsync(int activityId, int memberId, decimal? hours, string? reason, CancellationToken ct = default)
    {
        var problem = HoursRules.ValidateAdjustment(hours, reason);
        if (problem is not null) return problem;
        decimal? before = null;
        var done = await places.WithLockAsync(activityId, false, async _ =>
        {
            var s = await db.SignUps.FirstOrDefaultAsync(x => x.ActivityId == activityId && x.MemberId == memberId && x.Status == SignUpStatus.Accepted, ct);
            if (s is null) return false;
            before = s.Hours;
            s.Hours = Math.Round(hours!.Value, 1, MidpointRounding.AwayFromZero);
            s.HoursAdjustReason = reason!.Trim();
            return true;
        }, ct);
        if (!done) return "This person has no place in the activity.";
        await audit.WriteAsync("volunteer.hours-adjusted", $"Activity#{activityId}/Member#{memberId}",
            $"{before?.ToString(CultureInfo.InvariantCulture) ?? "—"} → {hours!.Value.ToString(CultureInfo.InvariantCulture)}：{reason!.Trim()}", true, ct);
        return null;
    }

    /// <summary>A token for the QR code the organiser shows: names the activity and the agency, signed, valid for a few minutes.</summary>
    public string CreateToken(int activityId, TimeSpan lifetime) =>
        Protector.Protect($"{agency.Id}:{activityId}", lifetime);

    /// <returns>The activity named by a valid, unexpired token of the current agency; null otherwise.</returns>
    public int? ReadToken(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = Protector.Unprotect(token).Split(':');
            return parts.Length == 2 && parts[0] == agency.Id?.ToString(CultureInfo.InvariantCulture) && int.TryParse(parts[1], out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The member scanned the code: checks them in, or out when they are in.</summary>
    public async Task<AttendanceOutcome> ScanAsync(string? token, int memberId, CancellationToken ct = default) =>
        ReadToken(token) is { } activityId ? await ToggleAsync(activityId, memberId, byOrganizer: false, ct) : AttendanceOutcome.BadToken;
}
