namespace Modular.Sdk;

/// <summary>
/// Tasks and notices the organ work committee issues to chosen agencies' Party offices (上级督办), as the current agency
/// sees them: the host keeps them, a module (supervision) shows them among the agency's tasks and reports progress back,
/// which the committee sees. Everything is scoped to the current agency. Since 1.6.0.
/// </summary>
public interface IHigherTasks
{
    /// <summary>The current agency's tasks from above, newest first.</summary>
    Task<IReadOnlyList<HigherTask>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One of the current agency's tasks from above; null for an unknown id or another agency's.</summary>
    Task<HigherTask?> FindAsync(int id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reports the current agency's progress on a task (audited under <paramref name="moduleId"/>); problems when the
    /// task is unknown or another agency's, already done, or the text is empty or too long (2000 characters).
    /// </summary>
    Task<IReadOnlyList<Problem>> ReportAsync(string moduleId, int id, HigherTaskReport report, CancellationToken cancellationToken = default);
}

/// <summary>Whether the committee asks for work or only informs. Since 1.6.0.</summary>
public enum HigherTaskKind
{
    /// <summary>A task with progress reported back (督办).</summary>
    Task,
    /// <summary>A notice to read (通知); acknowledged, not worked on.</summary>
    Notice,
}

/// <summary>Where an agency stands on a task from above. Since 1.6.0.</summary>
public enum HigherTaskState
{
    /// <summary>Issued, not yet answered.</summary>
    Open,
    /// <summary>Progress reported, not finished.</summary>
    InProgress,
    /// <summary>Finished (or, for a notice, acknowledged).</summary>
    Done,
}

/// <summary>A task or notice from the committee to the current agency. Since 1.6.0.</summary>
/// <param name="Id">Its id (per agency's copy).</param>
/// <param name="Kind">Task or notice.</param>
/// <param name="Title">Title.</param>
/// <param name="Body">What is asked.</param>
/// <param name="Deadline">When it is due, if it has a date.</param>
/// <param name="IssuedAt">When the committee issued it.</param>
/// <param name="State">The agency's state.</param>
/// <param name="LastProgress">The agency's latest progress text, if any.</param>
/// <param name="UpdatedAt">When the agency last reported, if ever.</param>
public sealed record HigherTask(int Id, HigherTaskKind Kind, string Title, string Body, DateOnly? Deadline,
    DateTimeOffset IssuedAt, HigherTaskState State, string? LastProgress, DateTimeOffset? UpdatedAt)
{
    /// <summary>How often the committee pressed the agency on it (催办); 0 when never. Since 1.6.0.</summary>
    public int Reminders { get; init; }
    /// <summary>When the committee last pressed, if ever. Since 1.6.0.</summary>
    public DateTimeOffset? RemindedAt { get; init; }
    /// <summary>The committee's latest reply to the agency's progress, if any. Since 1.6.0.</summary>
    public string? Reply { get; init; }
    /// <summary>When the committee replied, if ever (later than <see cref="UpdatedAt"/> when it answers the latest report). Since 1.6.0.</summary>
    public DateTimeOffset? RepliedAt { get; init; }
}

/// <summary>Progress an agency reports on a task from above. Since 1.6.0.</summary>
/// <param name="State">The new state (not <see cref="HigherTaskState.Open"/>).</param>
/// <param name="Progress">What was done (required, at most 2000 characters).</param>
public sealed record HigherTaskReport(HigherTaskState State, string Progress);
