using Modular.Sdk;

namespace Modular.Modules.Supervision.Rules;

/// <summary>What a monthly prompt and a branch's answer must satisfy, and the share of prompts answered.</summary>
public static class PromptRules
{
    public const int MaxTitle = 100, MaxBody = 2000, MaxAnswer = 2000;

    /// <param name="Month">"yyyy-MM" as the month field posts it.</param>
    public sealed record Input(string? Month, string? Title, string? Body, DateOnly? AnswerBy, bool AnswerByUnreadable, IReadOnlyCollection<int> Targets);

    /// <summary>A month (2000–2100), a title, what to do, at least one organisation of the agency, and an answer date not before today.</summary>
    public static List<Problem> Check(Input input, DateOnly today, IReadOnlySet<int> organizations)
    {
        var problems = new List<Problem>();
        if (ReportPeriod.Parse(input.Month) is null) problems.Add(new("Month", "Please choose the month."));
        if (string.IsNullOrEmpty(input.Title)) problems.Add(new("Title", "Please enter the prompt's title."));
        else if (input.Title.Length > MaxTitle) problems.Add(new("Title", "The title can be at most 100 characters."));
        if (string.IsNullOrEmpty(input.Body)) problems.Add(new("Body", "Please say what is to be done this month."));
        else if (input.Body.Length > MaxBody) problems.Add(new("Body", "The text can be at most 2000 characters."));
        if (input.AnswerBy is not { } by) problems.Add(new("AnswerBy", input.AnswerByUnreadable ? "Please enter a valid date." : "Please enter the day answers are due."));
        else if (by < today) problems.Add(new("AnswerBy", "Answers cannot be due before today."));
        else if (!SaneDates.IsSane(by)) problems.Add(new("AnswerBy", "Please enter a valid date."));
        if (input.Targets.Count == 0) problems.Add(new("Targets", "Please choose at least one organisation."));
        else if (input.Targets.Any(t => !organizations.Contains(t))) problems.Add(new("Targets", "Please choose organisations of this agency."));
        return problems;
    }

    /// <summary>A branch answers once, with what it did.</summary>
    public static List<Problem> CheckAnswer(bool answered, string? answer)
    {
        var problems = new List<Problem>();
        if (answered) problems.Add(new("", "This prompt is answered already."));
        if (string.IsNullOrEmpty(answer)) problems.Add(new("Answer", "Please say what was done."));
        else if (answer.Length > MaxAnswer) problems.Add(new("Answer", "The answer can be at most 2000 characters."));
        return problems;
    }
}
