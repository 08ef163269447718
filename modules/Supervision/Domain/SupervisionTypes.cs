namespace Modular.Modules.Supervision.Domain;

/// <summary>Whether a task of the agency's list is still being worked on.</summary>
public enum WorkTaskStatus { Open = 0, Done = 1 }

/// <summary>
/// One dated step in a task's life, after the office's "提示-调度-督查-督办" way of working: prompted in a month's prompt,
/// progress reported by its owner, checked by the office, escalated when late, and closed (by the office, or by the
/// records that prove it).
/// </summary>
public enum StepKind
{
    /// <summary>提示: named in a monthly prompt.</summary>
    Prompted = 0,
    /// <summary>调度: the owner reports progress.</summary>
    Reported = 1,
    /// <summary>督查: the office checks.</summary>
    Checked = 2,
    /// <summary>督办: the office escalates a late task.</summary>
    Escalated = 3,
    /// <summary>Closed by the office.</summary>
    Closed = 4,
    /// <summary>Opened again by the office.</summary>
    Reopened = 5,
    /// <summary>Closed by itself: the records it names appeared.</summary>
    Proved = 6,
}

/// <summary>Where a task stands: its furthest stage, or done.</summary>
public enum TaskStage { Planned = 0, Prompted = 1, Reported = 2, Checked = 3, Escalated = 4, Done = 5 }

/// <summary>Whether a rectification item is still open.</summary>
public enum ItemStatus { Open = 0, Closed = 1 }
