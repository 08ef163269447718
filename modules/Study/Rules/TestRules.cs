using Modular.Modules.Study.Domain;
using Modular.Sdk;

namespace Modular.Modules.Study.Rules;

/// <summary>What a test must satisfy. Fields are the form's ("Title", "Opens", …).</summary>
public static class TestRules
{
    public const int MaxTitle = 100, MaxDescription = 1000, MaxDuration = 300, MaxQuestions = 200;

    /// <param name="Opens">Agency time as entered.</param>
    /// <param name="QuestionIds">Chosen questions (for <see cref="Selection.Chosen"/>; a random draw is checked by <see cref="DrawRules"/>).</param>
    public sealed record Input(string? Title, string? Description, DateTime? Opens, DateTime? Closes, int? DurationMinutes, int? PassMark, Selection Selection,
        IReadOnlyCollection<int> QuestionIds, bool WholeAgency, int Organizations, int People);

    public static List<Problem> Check(Input input)
    {
        var problems = new List<Problem>();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) problems.Add(new("Title", "Please enter the title of the test."));
        else if (title.Length > MaxTitle) problems.Add(new("Title", "The title can be at most {0} characters.", MaxTitle));
        if (input.Description?.Trim().Length > MaxDescription) problems.Add(new("Description", "The description can be at most {0} characters.", MaxDescription));
        if (input.Opens is null) problems.Add(new("Opens", "Please enter when the test opens."));
        if (input.Closes is null) problems.Add(new("Closes", "Please enter when the test closes."));
        else if (input.Opens is { } o && input.Closes <= o) problems.Add(new("Closes", "The test closes after it opens."));
        if (input.DurationMinutes is not (>= 1 and <= MaxDuration)) problems.Add(new("DurationMinutes", "The duration is 1 to {0} minutes.", MaxDuration));
        if (input.PassMark is not (>= 0 and <= 100)) problems.Add(new("PassMark", "The pass mark is 0 to 100 (percent)."));
        if (input.Selection == Selection.Chosen)
        {
            if (input.QuestionIds.Count == 0) problems.Add(new("QuestionIds", "Choose at least one question."));
            else if (input.QuestionIds.Count > MaxQuestions) problems.Add(new("QuestionIds", "A test has at most {0} questions.", MaxQuestions));
        }
        if (!input.WholeAgency && input.Organizations == 0 && input.People == 0) problems.Add(new("Takers", "Choose who takes the test: the whole agency, organisations or people."));
        return problems;
    }

    /// <summary>The settings of a test that a taker's attempt depends on: fixed once anyone has started it.</summary>
    public sealed record Fixed(DateTime Opens, DateTime Closes, int DurationMinutes, int PassMark, bool ClosedBook);

    /// <summary>
    /// What may change on a test someone has started: the title, the note and a later close (the window extended); its
    /// questions, opening, duration, pass mark, closed book and takers stay as they were. A posted value of a fixed setting
    /// (null when the form did not send it) must equal the one kept.
    /// </summary>
    public static List<Problem> CheckStarted(Fixed kept, DateTime? opens, DateTime? closes, int? durationMinutes, int? passMark, bool? closedBook, bool questionsChanged)
    {
        var problems = new List<Problem>();
        const string Locked = "Someone has started the test: this can no longer change.";
        if (opens is { } o && o != kept.Opens) problems.Add(new("Opens", Locked));
        if (closes is null) problems.Add(new("Closes", "Please enter when the test closes."));
        else if (closes < kept.Closes) problems.Add(new("Closes", "Someone has started the test: its window can only be extended, not shortened."));
        if (durationMinutes is { } d && d != kept.DurationMinutes) problems.Add(new("DurationMinutes", Locked));
        if (passMark is { } p && p != kept.PassMark) problems.Add(new("PassMark", Locked));
        if (closedBook is { } c && c != kept.ClosedBook) problems.Add(new("ClosedBook", Locked));
        if (questionsChanged) problems.Add(new("QuestionIds", "Someone has started the test: its questions can no longer change."));
        return problems;
    }
}
