using System.Globalization;
using Modular.Modules.Volunteer.Domain;

namespace Modular.Tests.Infrastructure;

/// <summary>
/// The volunteer module's rows (tables vol_*) as its tests find, read and move them, through <see cref="ModuleSql"/>.
/// Activities and sign-ups are made through the module's pages and API (tests/Modular.Tests/Volunteer/Volunteer.cs).
/// </summary>
public static class VolunteerData
{
    /// <summary>Activities of every agency.</summary>
    public static Task<int> ActivityCountAsync(this PortalFactory portal) => portal.IntAsync("SELECT COUNT(*) FROM vol_activity");

    /// <summary>The day of the agency's latest finished activity.</summary>
    public static async Task<DateOnly> LatestFinishedActivityDateAsync(this PortalFactory portal, int agencyId) =>
        DateOnly.ParseExact((await portal.TextAsync("SELECT CAST(MAX(\"StartsAt\") AS TEXT) FROM vol_activity WHERE \"AgencyId\" = @a AND \"Status\" = @s",
            ("a", agencyId), ("s", (int)ActivityStatus.Finished)))[..10], "yyyy-MM-dd");

    public static Task<ActivityStatus> ActivityStatusAsync(this PortalFactory portal, int activityId) =>
        portal.EnumAsync<ActivityStatus>("SELECT \"Status\" FROM vol_activity WHERE \"Id\" = @a", ("a", activityId));

    /// <summary>Moves an activity in time (the tests cannot wait for a real morning).</summary>
    public static async Task MoveActivityAsync(this PortalFactory portal, int activityId, DateTime start, DateTime end, DateTime deadline)
    {
        await portal.ExecAsync("UPDATE vol_activity SET \"StartsAt\" = @s, \"EndsAt\" = @e, \"SignUpDeadline\" = @d WHERE \"Id\" = @id",
            ("s", start), ("e", end), ("d", deadline), ("id", activityId));
        await portal.BumpChangeStampsAsync();
    }

    /// <summary>Sets an activity's status behind the pages' back (e.g. cancelled after it started, which no page does).</summary>
    public static async Task SetActivityStatusAsync(this PortalFactory portal, int activityId, ActivityStatus status)
    {
        await portal.ExecAsync("UPDATE vol_activity SET \"Status\" = @s WHERE \"Id\" = @id", ("s", (int)status), ("id", activityId));
        await portal.BumpChangeStampsAsync();
    }

    /// <summary>The first partner (community or village) of any agency.</summary>
    public static Task<int> FirstPartnerAsync(this PortalFactory portal) => portal.IntAsync("SELECT MIN(\"Id\") FROM vol_partner");

    // Sign-ups

    public static Task<SignUpStatus> SignUpStatusAsync(this PortalFactory portal, int activityId, int memberId) =>
        portal.EnumAsync<SignUpStatus>("SELECT \"Status\" FROM vol_signup WHERE \"ActivityId\" = @a AND \"MemberId\" = @m", ("a", activityId), ("m", memberId));

    /// <summary>The status of every sign-up of an activity.</summary>
    public static Task<List<SignUpStatus>> SignUpStatusesAsync(this PortalFactory portal, int activityId) =>
        portal.EnumsAsync<SignUpStatus>("SELECT \"Status\" FROM vol_signup WHERE \"ActivityId\" = @a", ("a", activityId));

    /// <summary>The queue number of every sign-up of an activity.</summary>
    public static async Task<List<long>> SignUpSequencesAsync(this PortalFactory portal, int activityId) =>
        (await portal.QueryAsync("SELECT \"Sequence\" FROM vol_signup WHERE \"ActivityId\" = @a", ("a", activityId))).Select(long.Parse).ToList();

    /// <summary>The members with a sign-up of this status, in queue order.</summary>
    public static Task<List<int>> MembersSignedUpAsync(this PortalFactory portal, int activityId, SignUpStatus status) =>
        portal.IntsAsync("SELECT \"MemberId\" FROM vol_signup WHERE \"ActivityId\" = @a AND \"Status\" = @s ORDER BY \"Sequence\"", ("a", activityId), ("s", (int)status));

    /// <summary>Sets when everyone signed up for the activity checked in (to give a stay of known length).</summary>
    public static Task SetCheckedInAtAsync(this PortalFactory portal, int activityId, DateTime at) =>
        portal.ExecAsync("UPDATE vol_signup SET \"CheckedInAt\" = @t WHERE \"ActivityId\" = @a", ("t", at), ("a", activityId));

    /// <summary>The hours credited to the one member signed up for the activity.</summary>
    public static async Task<decimal> HoursAsync(this PortalFactory portal, int activityId) =>
        decimal.Parse(await portal.TextAsync("SELECT \"Hours\" FROM vol_signup WHERE \"ActivityId\" = @a", ("a", activityId)), CultureInfo.InvariantCulture);

    /// <summary>Whether the one member signed up for the activity has checked out.</summary>
    public static async Task<bool> CheckedOutAsync(this PortalFactory portal, int activityId) =>
        await portal.TextAsync("SELECT \"CheckedOutAt\" FROM vol_signup WHERE \"ActivityId\" = @a", ("a", activityId)) != "";

    public static Task<int> SignUpCountAsync(this PortalFactory portal, int activityId) =>
        portal.IntAsync("SELECT COUNT(*) FROM vol_signup WHERE \"ActivityId\" = @a", ("a", activityId));
}
