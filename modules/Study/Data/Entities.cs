namespace Modular.Modules.Study.Data;

/// <summary>
/// A question of the bank (题库). Choice questions keep their options one a line and the answer as letters ("A", "AC");
/// true/false keeps "对" or "错"; fill-in keeps the accepted answers separated by "|" (one blank).
/// </summary>
public sealed class Question : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public QuestionKind Kind { get; set; }
    public string Category { get; set; } = "";
    public Difficulty Difficulty { get; set; } = Difficulty.Medium;
    public string Text { get; set; } = "";
    /// <summary>Choice options, one a line, without their letters.</summary>
    public string Options { get; set; } = "";
    public string Answer { get; set; } = "";
    public string? Explanation { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A test (测试): its questions, window, duration, pass mark and takers. Takers are the whole agency, or the members of
/// some organisations, and/or some people (ids kept as comma-separated text: read whole, never queried by part).
/// </summary>
public sealed class StudyTest : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public Selection Selection { get; set; }
    /// <summary>For a random draw: the category drawn from (empty for every category) and how many.</summary>
    public string? DrawCategory { get; set; }
    public int? DrawCount { get; set; }
    /// <summary>A draw by category and difficulty, <see cref="Rules.DrawRules.Format"/>; null for a draw from <see cref="DrawCategory"/> alone (before 1.6).</summary>
    public string? DrawSpec { get; set; }
    /// <summary>Each taker gets their own draw (from their attempt's seed); the test's questions are then the pools of the draw's lines.</summary>
    public bool DrawPerPerson { get; set; }
    /// <summary>The window, agency wall-clock time: the test can be started from <see cref="Opens"/> and is closed at <see cref="Closes"/>.</summary>
    public DateTime Opens { get; set; }
    public DateTime Closes { get; set; }
    public int DurationMinutes { get; set; }
    /// <summary>Percent of the points needed to pass.</summary>
    public int PassMark { get; set; } = 60;
    /// <summary>Closed book (闭卷): the taker is asked not to leave the page, and leaving is noted on the result.</summary>
    public bool ClosedBook { get; set; }
    /// <summary>Counts as integrity's knowledge test (廉政知识测试): offered to the integrity module as a shared record.</summary>
    public bool IntegrityKnowledge { get; set; }
    public bool WholeAgency { get; set; }
    public string OrganizationIds { get; set; } = "";
    public string MemberIds { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public long Version { get; set; }
    public List<TestQuestion> Questions { get; set; } = [];
}

/// <summary>A question of a test: a copy of the bank's question when the test was made, so that editing the bank later never regrades anyone.</summary>
public sealed class TestQuestion : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int TestId { get; set; }
    public int? QuestionId { get; set; }
    public int Position { get; set; }
    /// <summary>For a per-person draw: the draw line whose pool the question is in.</summary>
    public int? Pool { get; set; }
    public QuestionKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string Options { get; set; } = "";
    public string Answer { get; set; } = "";
    public string? Explanation { get; set; }
}

/// <summary>One person's attempt at a test: started once, answers saved as given, submitted by them or at the end of time.</summary>
public sealed class Attempt : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int TestId { get; set; }
    public int MemberId { get; set; }
    /// <summary>The seed of this person's order of questions and options.</summary>
    public int Seed { get; set; }
    public DateTime StartedAt { get; set; }
    /// <summary>The end of the duration or of the window, whichever comes first (agency wall-clock time, as all of the module's times).</summary>
    public DateTime DueAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    /// <summary>Submitted at the end of time, not by the taker.</summary>
    public bool AutoSubmitted { get; set; }
    public int Correct { get; set; }
    public int Total { get; set; }
    /// <summary>Percent, rounded down.</summary>
    public int Score { get; set; }
    public bool Passed { get; set; }
    /// <summary>Times the page was left during a closed-book test (visibilitychange).</summary>
    public int LeftPage { get; set; }
    public List<AttemptAnswer> Answers { get; set; } = [];
}

/// <summary>An answer as given: saved each time it changes; graded when the attempt is submitted.</summary>
public sealed class AttemptAnswer : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int AttemptId { get; set; }
    public int TestQuestionId { get; set; }
    /// <summary>Letters for choice questions, "对"/"错", or the text written.</summary>
    public string Value { get; set; } = "";
    public bool? Correct { get; set; }
    public DateTime SavedAt { get; set; }
}

/// <summary>A yearly study plan (学习计划) of the central study group or a branch.</summary>
public sealed class StudyPlan : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public PlanOwner Owner { get; set; }
    /// <summary>The branch, for a branch plan.</summary>
    public int? OrganizationId { get; set; }
    public string Title { get; set; } = "";
    public long Version { get; set; }
    public List<PlanItem> Items { get; set; } = [];
}

/// <summary>A month's planned topic, speaker and materials.</summary>
public sealed class PlanItem : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int PlanId { get; set; }
    public int Month { get; set; }
    public string Topic { get; set; } = "";
    public string? Speaker { get; set; }
    public string? Materials { get; set; }
}

/// <summary>
/// A study session held (学习记录): date, topic, speaker, attendance from the roster, notes. When it was an org-life
/// meeting it links that meeting (a shared record) and keeps its title and attendance as a snapshot.
/// </summary>
public sealed class StudySession : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int PlanId { get; set; }
    /// <summary>The planned month it carries out, if any.</summary>
    public int? PlanItemId { get; set; }
    public DateOnly Date { get; set; }
    public string Topic { get; set; } = "";
    public string? Speaker { get; set; }
    public string? Notes { get; set; }
    public string? LinkedKind { get; set; }
    public string? LinkedId { get; set; }
    public string? LinkedTitle { get; set; }
    public int? LinkedExpected { get; set; }
    public int? LinkedPresent { get; set; }
    public long Version { get; set; }
    public List<SessionAttendee> Attendees { get; set; } = [];
}

/// <summary>A member expected at a session, and whether they came.</summary>
public sealed class SessionAttendee : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int SessionId { get; set; }
    public int MemberId { get; set; }
    public bool Present { get; set; }
}
