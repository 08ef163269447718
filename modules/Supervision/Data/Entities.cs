namespace Modular.Modules.Supervision.Data;

/// <summary>A task of the agency's yearly list (任务清单): what, who answers for it, by when, what evidence is wanted.</summary>
public sealed class WorkTask : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Where the task comes from (年度党建工作要点 第3条).</summary>
    public string? Source { get; set; }
    /// <summary>The owner organisation (责任单位), a directory id; a task has an owner organisation, an owner person, or both.</summary>
    public int? OwnerOrganizationId { get; set; }
    /// <summary>The owner person (责任人), a directory id.</summary>
    public int? OwnerMemberId { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>The evidence wanted (佐证材料要求).</summary>
    public string? EvidenceWanted { get; set; }
    /// <summary>A kind of shared record that proves the task (org-life.meeting), if any.</summary>
    public string? ProofKind { get; set; }
    /// <summary>The finer type of record asked for (OrganizationalLifeMeeting), if any.</summary>
    public string? ProofType { get; set; }
    /// <summary>How many records prove it.</summary>
    public int ProofCount { get; set; }
    /// <summary>Records count from this day (the deadline's quarter, the year) to the deadline.</summary>
    public DateOnly? ProofFrom { get; set; }
    public WorkTaskStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public long Version { get; set; }
    public List<TaskStep> Steps { get; set; } = [];
}

/// <summary>One dated step of a task (提示, 调度, 督查, 督办, closing), with who took it and a note.</summary>
public sealed class TaskStep : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int TaskId { get; set; }
    public StepKind Kind { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Who took the step (a directory id); null for the portal itself (a record proved the task).</summary>
    public int? MemberId { get; set; }
    public string? Note { get; set; }
    /// <summary>The prompt that named the task, for a <see cref="StepKind.Prompted"/> step.</summary>
    public int? PromptId { get; set; }
}

/// <summary>A month's prompt (月提示) from the office to branches: what to get done, the tasks it names, an answer date.</summary>
public sealed class MonthlyPrompt : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    /// <summary>Branches answer (调度) by this day.</summary>
    public DateOnly AnswerBy { get; set; }
    public long Version { get; set; }
    public List<PromptTarget> Targets { get; set; } = [];
}

/// <summary>An organisation a prompt went to, and its answer.</summary>
public sealed class PromptTarget : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int PromptId { get; set; }
    public int OrganizationId { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public int? AnsweredByMemberId { get; set; }
    public string? Answer { get; set; }
    public long Version { get; set; }
}

/// <summary>A rectification ledger (整改台账) from an inspection or a higher committee's feedback.</summary>
public sealed class RectificationLedger : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Where the findings come from (市委第二巡察组反馈意见).</summary>
    public string Source { get; set; } = "";
    public DateOnly ReceivedOn { get; set; }
    public long Version { get; set; }
}

/// <summary>One item of a ledger: the problem, the measures, who rectifies it by when; closed one by one with a note.</summary>
public sealed class LedgerItem : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public int LedgerId { get; set; }
    public string Problem { get; set; } = "";
    public string Measures { get; set; } = "";
    public int? OwnerOrganizationId { get; set; }
    public int? OwnerMemberId { get; set; }
    public DateOnly Deadline { get; set; }
    public ItemStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? ClosingNote { get; set; }
    public long Version { get; set; }
}
