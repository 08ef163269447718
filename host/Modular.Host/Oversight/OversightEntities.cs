using System.ComponentModel.DataAnnotations;
using Modular.Host.Data;
using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>A module whose indicators the agency keeps from the committee (default: every module shares).</summary>
public sealed class IndicatorOptOut
{
    public int AgencyId { get; set; }
    [MaxLength(40)] public string ModuleId { get; set; } = "";
}

/// <summary>A task or notice the organ work committee issued; each chosen agency gets its own <see cref="CommitteeTaskCopy"/>.</summary>
public sealed class CommitteeTask : ICreatedAt
{
    public int Id { get; set; }
    public HigherTaskKind Kind { get; set; }
    [MaxLength(200)] public string Title { get; set; } = "";
    [MaxLength(4000)] public string Body { get; set; } = "";
    public DateOnly? Deadline { get; set; }
    /// <summary>The committee account's user name (staff, not a member of any agency).</summary>
    [MaxLength(256)] public string IssuedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<CommitteeTaskCopy> Copies { get; set; } = [];
}

/// <summary>One agency's copy of a committee task: its state and progress, which the committee reads back.</summary>
public sealed class CommitteeTaskCopy : IVersioned
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public CommitteeTask Task { get; set; } = null!;
    public int AgencyId { get; set; }
    public HigherTaskState State { get; set; }
    [MaxLength(2000)] public string? LastProgress { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    /// <summary>催办: how often the committee pressed, and when last.</summary>
    public int Reminders { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    /// <summary>The committee's latest reply to the agency's progress, which the agency reads on its task.</summary>
    [MaxLength(2000)] public string? Reply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }
    public long Version { get; set; }
}
