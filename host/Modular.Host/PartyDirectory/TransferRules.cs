using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>The directory's checks of a transfer request, as problems on its fields with English message keys.</summary>
public static class TransferRules
{
    public const int ReasonLength = 500;

    /// <summary>
    /// A transfer to start: by the Party office, of a member of the agency still on the roster who is not the user, sent
    /// today or before, valid at least until the day it is sent.
    /// </summary>
    public static List<Problem> Start(TransferStart start, MemberInfo? member, DataScope scope, string? userId, DateOnly today)
    {
        var problems = new List<Problem>();
        if (!scope.AgencyWide) problems.Add(new(nameof(TransferStart.MemberId), "Only the agency's Party office starts or withdraws a transfer."));
        else if (member is null) problems.Add(new(nameof(TransferStart.MemberId), "There is no such member in this agency."));
        else if (!member.IsOnRoster) problems.Add(new(nameof(TransferStart.MemberId), "The member is no longer on the roster."));
        else if (userId is not null && member.UserId == userId) problems.Add(new(nameof(TransferStart.MemberId), "Nobody transfers themselves."));
        if (start.Date > today) problems.Add(new(nameof(TransferStart.Date), "The date cannot be in the future."));
        if (start.ValidUntil < start.Date) problems.Add(new(nameof(TransferStart.ValidUntil), "The validity ends before the transfer is sent."));
        return problems;
    }

    /// <summary>
    /// Who decides: between agencies the receiving agency's Party office; within an agency also the committee of the
    /// branch asked for.
    /// </summary>
    public static bool MayDecide(DataScope scope, bool withinAgency, int? toOrganizationId) =>
        scope.AgencyWide || (withinAgency && toOrganizationId is { } o && scope.CanSeeOrganization(o));

    /// <summary>The day of acceptance: not before the transfer was sent, not in the future.</summary>
    public static List<Problem> DecisionDate(DateOnly date, DateOnly startedOn, DateOnly today)
    {
        var problems = new List<Problem>();
        if (date > today) problems.Add(new("Date", "The date cannot be in the future."));
        else if (date < startedOn) problems.Add(new("Date", "A transfer is accepted on or after the day it was sent ({0:yyyy-MM-dd}).", startedOn));
        return problems;
    }

    /// <summary>A reason for returning or withdrawing: given, and not too long.</summary>
    public static List<Problem> Reason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return [new("Reason", "Give the reason.")];
        if (reason.Trim().Length > ReasonLength) return [new("Reason", "The reason can be at most {0} characters.", ReasonLength)];
        return [];
    }

    /// <summary>
    /// An arrival from outside the portal: by the Party office; a name; a probationary or full member with the dates of their
    /// stage (checked as the roster checks them); the letter's origin and number; the day of arrival not in the future.
    /// </summary>
    public static List<Problem> Arrival(TransferArrival arrival, DataScope scope, DateOnly today)
    {
        var problems = new List<Problem>();
        if (!scope.AgencyWide) problems.Add(new(nameof(TransferArrival.OrganizationId), "Only the agency's Party office registers an arrival."));
        if (string.IsNullOrWhiteSpace(arrival.Name)) problems.Add(new(nameof(TransferArrival.Name), "Please enter the member's name."));
        else if (arrival.Name.Trim().Length > 50) problems.Add(new(nameof(TransferArrival.Name), "The name can be at most {0} characters.", 50));
        if (arrival.Stage is not (MemberStage.ProbationaryMember or MemberStage.FullMember))
            problems.Add(new(nameof(TransferArrival.Stage), "An arriving member is a probationary or full member."));
        else
        {
            if (arrival.JoinedDate is null) problems.Add(new(nameof(TransferArrival.JoinedDate), "Enter the date of joining."));
            if (arrival.Stage == MemberStage.FullMember && arrival.FullMemberDate is null) problems.Add(new(nameof(TransferArrival.FullMemberDate), "Enter the date of full membership."));
            var dates = new StageDates(arrival.Stage, JoinedDate: arrival.JoinedDate, FullMemberDate: arrival.Stage == MemberStage.FullMember ? arrival.FullMemberDate : null);
            problems.AddRange(MemberStages.Check(dates, today));
        }
        if (string.IsNullOrWhiteSpace(arrival.Origin)) problems.Add(new(nameof(TransferArrival.Origin), "Enter the organisation the letter comes from."));
        else if (arrival.Origin.Trim().Length > 200) problems.Add(new(nameof(TransferArrival.Origin), "The text can be at most {0} characters.", 200));
        if (string.IsNullOrWhiteSpace(arrival.LetterNumber)) problems.Add(new(nameof(TransferArrival.LetterNumber), "Enter the letter's number."));
        else if (arrival.LetterNumber.Trim().Length > 50) problems.Add(new(nameof(TransferArrival.LetterNumber), "The text can be at most {0} characters.", 50));
        if (arrival.Date > today) problems.Add(new(nameof(TransferArrival.Date), "The date cannot be in the future."));
        return problems;
    }
}
