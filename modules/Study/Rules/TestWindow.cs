namespace Modular.Modules.Study.Rules;

/// <summary>Where a test stands for a taker at a moment.</summary>
public enum TestState
{
    NotOpen,
    Open,
    Closed,
}

/// <summary>The times of a test: its window, the duration of one attempt, when answers are shown.</summary>
public static class TestWindow
{
    /// <summary>A save that left the phone just before the end still counts: answers arriving this late are kept.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static TestState State(DateTime opens, DateTime closes, DateTime now) =>
        now < opens ? TestState.NotOpen : now < closes ? TestState.Open : TestState.Closed;

    /// <summary>An attempt started at <paramref name="started"/> ends at the end of its duration or of the window, whichever is first.</summary>
    public static DateTime DueAt(DateTime started, int durationMinutes, DateTime closes)
    {
        var end = started.AddMinutes(durationMinutes);
        return end < closes ? end : closes;
    }

    /// <summary>Whether an answer arriving at <paramref name="now"/> is still taken.</summary>
    public static bool Accepts(DateTime dueAt, DateTime now) => now <= dueAt + Grace;

    /// <summary>Time is up: the attempt is submitted as it stands (on the next request, or by the scheduled job).</summary>
    public static bool IsOver(DateTime dueAt, DateTime now) => now > dueAt + Grace;

    /// <summary>The right answers are shown once the window has closed, so that nobody passes them on to those still to take it.</summary>
    public static bool ShowsAnswers(DateTime closes, DateTime now) => now >= closes;
}
