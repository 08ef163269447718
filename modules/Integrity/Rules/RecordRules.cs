using Modular.Sdk;

namespace Modular.Modules.Integrity.Rules;

/// <summary>What an integrity talk must satisfy. Fields are those of the form ("Date", "TalkerMemberId", …).</summary>
public static class TalkRules
{
    public const int MaxSummary = 4000;

    /// <param name="DateUnreadable">A date was posted but not understood.</param>
    /// <param name="Summary">Trimmed.</param>
    public sealed record Input(DateOnly? Date, bool DateUnreadable, int? TalkerMemberId, int? TalkeeMemberId, string? Summary);

    /// <summary>A talk is recorded after it took place, between two different people on the roster, with a summary.</summary>
    /// <param name="onRoster">Those of the two people who are on the agency's roster.</param>
    public static List<Problem> Check(Input input, DateOnly today, IReadOnlySet<int> onRoster)
    {
        var problems = new List<Problem>();
        if (input.Date is null) problems.Add(new("Date", input.DateUnreadable ? "Please enter a valid date." : "Please enter the date of the talk."));
        else if (input.Date > today) problems.Add(new("Date", "A talk is recorded after it took place: the date cannot be in the future."));
        if (input.TalkerMemberId is not { } talker || !onRoster.Contains(talker)) problems.Add(new("TalkerMemberId", "Please choose who held the talk."));
        if (input.TalkeeMemberId is not { } talkee || !onRoster.Contains(talkee)) problems.Add(new("TalkeeMemberId", "Please choose who the talk was with."));
        else if (talkee == input.TalkerMemberId) problems.Add(new("TalkeeMemberId", "A talk is between two different people."));
        if (string.IsNullOrEmpty(input.Summary)) problems.Add(new("Summary", "Please write a short summary of the talk."));
        else if (input.Summary.Length > MaxSummary) problems.Add(new("Summary", "The summary can be at most 4000 characters."));
        return problems;
    }
}

/// <summary>What a risk point must satisfy: an owner updates the risk and its measures; the office every field.</summary>
public static class RiskRules
{
    public const int MaxDescription = 1000, MaxMeasures = 2000, MaxPost = 100;

    /// <param name="Description">Trimmed, as <paramref name="Measures"/> and <paramref name="Post"/>.</param>
    /// <param name="DateUnreadable">A next review date was posted but not understood.</param>
    public sealed record Input(string? Description, string? Measures, string? Post, int? OrganizationId, int? OwnerMemberId, DateOnly? NextReviewDate, bool DateUnreadable);

    /// <param name="byOffice">The office's form, with post, department, owner and next review.</param>
    /// <param name="departments">Ids of the organisations a point may belong to.</param>
    /// <param name="onRoster">Whether the chosen owner is on the agency's roster.</param>
    public static List<Problem> Check(Input input, bool byOffice, IReadOnlySet<int> departments, bool ownerOnRoster)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrEmpty(input.Description)) problems.Add(new("Description", "Please describe the risk."));
        else if (input.Description.Length > MaxDescription) problems.Add(new("Description", "The risk can be at most 1000 characters."));
        if (string.IsNullOrEmpty(input.Measures)) problems.Add(new("Measures", "Please enter the control measures."));
        else if (input.Measures.Length > MaxMeasures) problems.Add(new("Measures", "The measures can be at most 2000 characters."));
        if (!byOffice) return problems;
        if (string.IsNullOrEmpty(input.Post)) problems.Add(new("Post", "Please enter the post, e.g. 行政审批岗."));
        else if (input.Post.Length > MaxPost) problems.Add(new("Post", "The post can be at most 100 characters."));
        if (input.OrganizationId is not { } org || !departments.Contains(org)) problems.Add(new("OrganizationId", "Please choose the department."));
        if (input.OwnerMemberId is null || !ownerOnRoster) problems.Add(new("OwnerMemberId", "Please choose the owner (a member of this agency)."));
        if (input.NextReviewDate is null) problems.Add(new("NextReviewDate", input.DateUnreadable ? "Please enter a valid date." : "Please enter the next review date."));
        return problems;
    }
}

/// <summary>What one festival of a year's calendar must satisfy.</summary>
public static class FestivalRules
{
    public const int MaxDaysBefore = 30, MaxText = 500;

    /// <param name="Text">Trimmed.</param>
    public sealed record Input(DateOnly? Date, bool DateUnreadable, int? DaysBefore, string? Text);

    /// <summary>A date in the calendar's year, 0 to 30 days before, a reminder text.</summary>
    public static List<Problem> Check(Input input, int year)
    {
        var problems = new List<Problem>();
        if (input.Date is null) problems.Add(new("Date", input.DateUnreadable ? "Please enter a valid date." : "Please enter the date."));
        else if (input.Date.Value.Year != year) problems.Add(new("Date", "The date must be in {0}.", year));
        if (input.DaysBefore is not (>= 0 and <= MaxDaysBefore)) problems.Add(new("DaysBefore", "Enter a number of days from 0 to 30."));
        if (string.IsNullOrEmpty(input.Text)) problems.Add(new("Text", "Please enter the reminder's text."));
        else if (input.Text.Length > MaxText) problems.Add(new("Text", "The text can be at most 500 characters."));
        return problems;
    }
}

/// <summary>Closing a rectification item.</summary>
public static class RectificationRules
{
    public const int MaxNote = 1000;

    /// <summary>An open item is closed with a note saying how it was rectified (trimmed).</summary>
    public static List<Problem> CheckClose(bool closedAlready, string? note)
    {
        var problems = new List<Problem>();
        if (closedAlready) problems.Add(new("", "This item has been closed already."));
        if (string.IsNullOrEmpty(note)) problems.Add(new("Note", "Please say how it was rectified."));
        else if (note.Length > MaxNote) problems.Add(new("Note", "The note can be at most 1000 characters."));
        return problems;
    }
}

/// <summary>What a warning-education session must satisfy.</summary>
public static class WarningRules
{
    public const int MaxTitle = 100, MaxPlace = 200;

    /// <param name="Title">Trimmed.</param>
    public sealed record Input(DateOnly? Date, bool DateUnreadable, string? Title, string? Place, int? OrganizationId);

    /// <param name="departments">Ids of the organisations whose roster a session may take.</param>
    public static List<Problem> Check(Input input, IReadOnlySet<int> departments)
    {
        var problems = new List<Problem>();
        if (input.Date is null) problems.Add(new("Date", input.DateUnreadable ? "Please enter a valid date." : "Please enter the date of the session."));
        if (string.IsNullOrEmpty(input.Title)) problems.Add(new("Title", "Please enter a title, e.g. 观看警示教育片《零容忍》."));
        else if (input.Title.Length > MaxTitle) problems.Add(new("Title", "The title can be at most 100 characters."));
        if (input.Place?.Trim().Length > MaxPlace) problems.Add(new("Place", "The place can be at most 200 characters."));
        if (input.OrganizationId is { } org && !departments.Contains(org)) problems.Add(new("OrganizationId", "Please choose an organisation of this agency."));
        return problems;
    }

    /// <summary>
    /// Enter once: the session's attendance becomes the linked meeting's. Each person the meeting expected has a row,
    /// present or not; rows of others go, unless they wrote reflections (kept, as not present).
    /// </summary>
    /// <param name="rows">The session's rows: member, and whether they wrote reflections.</param>
    /// <returns>For each member: present or not (row kept or added), or null (row removed).</returns>
    public static IReadOnlyDictionary<int, bool?> TakeAttendance(IEnumerable<(int MemberId, bool HasReflection)> rows, IEnumerable<SharedAttendee> meeting)
    {
        var result = new Dictionary<int, bool?>();
        foreach (var row in rows) result[row.MemberId] = row.HasReflection ? false : null;
        foreach (var g in meeting.GroupBy(a => a.MemberId)) result[g.Key] = g.Any(a => a.Present);
        return result;
    }
}
