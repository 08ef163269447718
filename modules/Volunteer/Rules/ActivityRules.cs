using Modular.Modules.Volunteer.Domain;
using Modular.Sdk;

namespace Modular.Modules.Volunteer.Rules;

/// <summary>What an activity form must satisfy. Problems are (field, English message key), localised by the page.</summary>
public static class ActivityRules
{
    public const int MaxCapacity = 1000;

    public sealed record Input(string? Title, string? Place, DateTime? StartsAt, DateTime? EndsAt, int? Capacity, DateTime? SignUpDeadline, int? OrganizerMemberId);

    /// <summary>What the form offers to choose from, and whether the user organises for the whole agency.</summary>
    public sealed record Choices(IReadOnlyCollection<int> Organizers, IReadOnlyCollection<int> Organizations, IReadOnlyCollection<int> Partners, bool AgencyWide);

    /// <summary>The organiser and organisation the activity has now (kept even when no longer offered).</summary>
    public sealed record Stored(int Organizer, int? Organization);

    /// <param name="acceptedCount">People who already hold a place (the capacity cannot drop below it).</param>
    public static List<Problem> Validate(Input input, int acceptedCount = 0)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(input.Title)) problems.Add(new("Title", "Please enter the activity's title."));
        else if (input.Title.Trim().Length > 100) problems.Add(new("Title", "The title can be at most 100 characters."));
        if (string.IsNullOrWhiteSpace(input.Place)) problems.Add(new("Place", "Please enter where the activity takes place."));
        else if (input.Place.Trim().Length > 200) problems.Add(new("Place", "The place can be at most 200 characters."));
        if (input.StartsAt is null) problems.Add(new("StartsAt", "Please enter when the activity starts."));
        if (input.EndsAt is null) problems.Add(new("EndsAt", "Please enter when the activity ends."));
        else if (input.StartsAt is { } s && input.EndsAt <= s) problems.Add(new("EndsAt", "The end must be after the start."));
        if (input.Capacity is null or < 1 or > MaxCapacity) problems.Add(new("Capacity", "The number of places must be from 1 to {0}.", [MaxCapacity]));
        else if (input.Capacity < acceptedCount) problems.Add(new("Capacity", "{0} people already hold a place: the number of places cannot be fewer.", [acceptedCount]));
        if (input.SignUpDeadline is null) problems.Add(new("SignUpDeadline", "Please enter the sign-up deadline."));
        else if (input.StartsAt is { } start && input.SignUpDeadline > start) problems.Add(new("SignUpDeadline", "Sign-up must close no later than the activity starts."));
        if (input.OrganizerMemberId is null) problems.Add(new("OrganizerMemberId", "Please choose the organiser."));
        return problems;
    }

    /// <summary>
    /// The organiser, organisation and partner must be among the choices; what the activity already has stays allowed.
    /// Only the agency-wide organiser (or an activity that has none already) may leave the organisation empty.
    /// </summary>
    /// <param name="stored">The activity as stored; null for a new one.</param>
    public static List<Problem> CheckChoices(int? organizer, int? organization, int? partner, Choices choices, Stored? stored)
    {
        var problems = new List<Problem>();
        if (organizer is { } o && !choices.Organizers.Contains(o) && o != stored?.Organizer)
            problems.Add(new("OrganizerMemberId", "Choose the organiser from the list."));
        var organizationAllowed = organization is { } org
            ? choices.Organizations.Contains(org) || org == stored?.Organization
            : choices.AgencyWide || stored is { Organization: null };
        if (!organizationAllowed) problems.Add(new("OrganizationId", "Choose an organisation you organise for."));
        if (partner is { } p && !choices.Partners.Contains(p)) problems.Add(new("PartnerId", "Choose a partner from the list."));
        return problems;
    }

    /// <summary>Only a branch holds theme Party days: an activity counted as one must be organised by a branch.</summary>
    /// <param name="branches">The agency's branches (党支部).</param>
    public static List<Problem> CheckThemeDay(bool countsAsThemeDay, int? organization, IReadOnlyCollection<int> branches) =>
        countsAsThemeDay && (organization is not { } o || !branches.Contains(o))
            ? [new("CountsAsThemePartyDay", "Only an activity organised by a branch can count as its theme Party day: choose the branch under “Organised by”.")]
            : [];

    public static bool CanEdit(ActivityStatus status) => status is ActivityStatus.Draft or ActivityStatus.Published;
    public static bool CanPublish(ActivityStatus status) => status == ActivityStatus.Draft;
    public static bool CanCancel(ActivityStatus status) => status is ActivityStatus.Draft or ActivityStatus.Published;
    /// <summary>An activity is finished once it has started.</summary>
    public static bool CanFinish(ActivityStatus status, DateTime startsAt, DateTime now) => status == ActivityStatus.Published && now >= startsAt;
}

/// <summary>When members may sign up or give up their place.</summary>
public static class SignUpRules
{
    public static bool IsOpen(ActivityStatus status, DateTime deadline, DateTime now) => status == ActivityStatus.Published && now <= deadline;

    /// <summary>The organiser may still add people after the deadline, until the activity ends.</summary>
    public static bool OrganizerMayAdd(ActivityStatus status, DateTime endsAt, DateTime now) => status == ActivityStatus.Published && now <= endsAt;

    public static bool MayCancel(SignUpStatus status, DateTime deadline, DateTime now) => status != SignUpStatus.Cancelled && now <= deadline;
}

/// <summary>Hours credited from attendance.</summary>
public static class HoursRules
{
    public const decimal MaxPerActivity = 24m;

    /// <summary>Hours between check-in and check-out, to one decimal, never negative and at most a day.</summary>
    public static decimal FromAttendance(DateTime checkedIn, DateTime checkedOut)
    {
        var hours = (decimal)(checkedOut - checkedIn).TotalHours;
        return Math.Clamp(Math.Round(hours, 1, MidpointRounding.AwayFromZero), 0m, MaxPerActivity);
    }

    /// <summary>A check-out by the organiser after the activity has ended counts up to its end, not up to the tap.</summary>
    public static DateTime OrganizerCheckOutTime(DateTime now, DateTime endsAt) => now > endsAt ? endsAt : now;

    /// <returns>An English message key, or null when the adjustment may be saved.</returns>
    public static string? ValidateAdjustment(decimal? hours, string? reason)
    {
        if (hours is null or < 0 or > MaxPerActivity) return "Hours must be from 0 to 24.";
        if (string.IsNullOrWhiteSpace(reason)) return "Please give the reason for the adjustment.";
        if (reason.Trim().Length > 200) return "The reason can be at most 200 characters.";
        return null;
    }
}
