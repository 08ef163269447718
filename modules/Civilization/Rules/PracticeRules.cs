using System.Globalization;
using Modular.Modules.Civilization.Domain;
using Modular.Sdk;

namespace Modular.Modules.Civilization.Rules;

/// <summary>The practice-activity form's fields, as typed (<see cref="DateUnreadable"/>: a date typed that is no date).</summary>
public sealed record PracticeLine(PracticeKind Kind, string? Title, DateOnly? Date, bool DateUnreadable, string? Place, string? Summary, string? Participants);

/// <summary>The form as checked: the problems, and the number of participants when one was given.</summary>
public sealed record CheckedPractice(IReadOnlyList<Problem> Problems, int? Participants);

/// <summary>What a practice-point activity must have: a kind, a title and a date (typed, or from a linked volunteer activity).</summary>
public static class PracticeRules
{
    public const int MaxTitle = 100, MaxPlace = 200, MaxSummary = 2000, MaxParticipants = 100000;

    /// <summary>Enter once: what the linked record already says fills the fields left empty (a date typed but unreadable stays missing).</summary>
    public static PracticeLine Filled(PracticeLine typed, string? linkedTitle, DateOnly? linkedDate, string? linkedPlace) => typed with
    {
        Title = (string.IsNullOrWhiteSpace(typed.Title) ? linkedTitle : typed.Title)?.Trim(),
        Date = typed.Date ?? (typed.DateUnreadable ? null : linkedDate),
        Place = (string.IsNullOrWhiteSpace(typed.Place) ? linkedPlace : typed.Place)?.Trim(),
    };

    /// <summary>The participants a linked record gives: those who attended, when it recorded anyone; otherwise the typed number stands.</summary>
    public static int? ParticipantsFrom(SharedAttendance? attendance) => attendance is { Present: > 0 and <= MaxParticipants } a ? a.Present : null;

    /// <param name="linkRefused">A record was chosen that its source does not offer.</param>
    public static CheckedPractice Check(PracticeLine practice, bool linkRefused)
    {
        var problems = new List<Problem>();
        if (linkRefused) problems.Add(new("LinkId", "Choose the linked record from the list."));
        if (!Enum.IsDefined(practice.Kind)) problems.Add(new("Kind", "Choose the kind from the list."));
        var title = practice.Title?.Trim();
        if (string.IsNullOrEmpty(title)) problems.Add(new("Title", "Enter the activity's title, or link a volunteer activity."));
        else if (title.Length > MaxTitle) problems.Add(new("Title", "At most {0} characters.", MaxTitle));
        if (practice.DateUnreadable || practice.Date is null) problems.Add(new("Date", "Enter the date, e.g. 2026-06-30."));
        else if (!FormRules.IsYear(practice.Date.Value.Year)) problems.Add(new("Date", "The date must look like 2026-06-30."));
        if (practice.Place?.Trim() is { Length: > MaxPlace }) problems.Add(new("Place", "At most {0} characters.", MaxPlace));
        if (practice.Summary is { Length: > MaxSummary }) problems.Add(new("Summary", "At most {0} characters.", MaxSummary));
        int? participants = null;
        if (!string.IsNullOrWhiteSpace(practice.Participants))
        {
            if (!int.TryParse(practice.Participants.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0 || n > MaxParticipants)
                problems.Add(new("Participants", "Enter a whole number of people, e.g. 30."));
            else participants = n;
        }
        return new CheckedPractice(problems, participants);
    }
}
