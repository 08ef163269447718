using Modular.Modules.Study.Domain;
using Modular.Sdk;

namespace Modular.Modules.Study.Rules;

/// <summary>What a plan and a session must satisfy, and how a plan's months compare with the sessions held.</summary>
public static class PlanRules
{
    public const int MaxTitle = 100, MaxTopic = 200, MaxSpeaker = 50, MaxMaterials = 1000, MaxNotes = 4000;

    public sealed record Month(int Number, string? Topic, string? Speaker, string? Materials);

    public static List<Problem> CheckPlan(string? title, int? year, PlanOwner owner, int? organizationId, IReadOnlySet<int> branches, IReadOnlyList<Month> months, int thisYear)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(title)) problems.Add(new("Title", "Please enter the title of the plan."));
        else if (title.Trim().Length > MaxTitle) problems.Add(new("Title", "The title can be at most {0} characters.", MaxTitle));
        if (year is not { } y || y < thisYear - 1 || y > thisYear + 1) problems.Add(new("Year", "Choose this year, last year or next year."));
        if (owner == PlanOwner.Branch && (organizationId is not { } org || !branches.Contains(org))) problems.Add(new("OrganizationId", "Please choose the branch."));
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            if (m.Topic?.Trim().Length > MaxTopic) problems.Add(new($"Months[{i}].Topic", "The topic can be at most {0} characters.", MaxTopic));
            if (m.Speaker?.Trim().Length > MaxSpeaker) problems.Add(new($"Months[{i}].Speaker", "The speaker can be at most {0} characters.", MaxSpeaker));
            if (m.Materials?.Trim().Length > MaxMaterials) problems.Add(new($"Months[{i}].Materials", "The materials can be at most {0} characters.", MaxMaterials));
            if (string.IsNullOrWhiteSpace(m.Topic) && (!string.IsNullOrWhiteSpace(m.Speaker) || !string.IsNullOrWhiteSpace(m.Materials)))
                problems.Add(new($"Months[{i}].Topic", "Enter the month's topic, or leave the month empty."));
        }
        if (problems.Count == 0 && months.All(m => string.IsNullOrWhiteSpace(m.Topic))) problems.Add(new("", "Plan at least one month's topic."));
        return problems;
    }

    /// <param name="dateUnreadable">A date was posted but not understood.</param>
    public static List<Problem> CheckSession(DateOnly? date, bool dateUnreadable, string? topic, string? speaker, string? notes, int planYear, DateOnly today)
    {
        var problems = new List<Problem>();
        if (date is null) problems.Add(new("Date", dateUnreadable ? "Please enter a valid date." : "Please enter the date of the session."));
        else if (date > today) problems.Add(new("Date", "A session is recorded after it was held: the date cannot be in the future."));
        else if (date.Value.Year != planYear) problems.Add(new("Date", "The session belongs to the plan's year ({0}).", planYear));
        if (string.IsNullOrWhiteSpace(topic)) problems.Add(new("Topic", "Please enter the topic."));
        else if (topic.Trim().Length > MaxTopic) problems.Add(new("Topic", "The topic can be at most {0} characters.", MaxTopic));
        if (speaker?.Trim().Length > MaxSpeaker) problems.Add(new("Speaker", "The speaker can be at most {0} characters.", MaxSpeaker));
        if (notes?.Trim().Length > MaxNotes) problems.Add(new("Notes", "The notes can be at most {0} characters.", MaxNotes));
        return problems;
    }

    /// <summary>A planned month and whether it was held: a session recorded for it, or any session in that month.</summary>
    public sealed record MonthProgress(int Month, string Topic, bool Held, bool Due);

    /// <param name="items">The planned months (month, item id, topic).</param>
    /// <param name="sessions">The sessions held (date, the planned month's item id if chosen).</param>
    public static IReadOnlyList<MonthProgress> Progress(int year, IEnumerable<(int Month, int ItemId, string Topic)> items, IEnumerable<(DateOnly Date, int? ItemId)> sessions, DateOnly today)
    {
        var held = sessions.ToList();
        return items.OrderBy(i => i.Month).Select(i => new MonthProgress(i.Month, i.Topic,
            held.Any(s => s.ItemId == i.ItemId || (s.ItemId is null && s.Date.Year == year && s.Date.Month == i.Month)),
            new DateOnly(year, i.Month, 1).AddMonths(1) <= today)).ToList();
    }
}
