using Modular.Sdk;

namespace Modular.Modules.Supervision.Domain;

/// <summary>English resource keys of the module's enums (the page localises them).</summary>
public static class Labels
{
    public static string Step(StepKind kind) => kind switch
    {
        StepKind.Prompted => "Prompted",
        StepKind.Reported => "Progress reported",
        StepKind.Checked => "Checked",
        StepKind.Escalated => "Escalated",
        StepKind.Closed => "Closed",
        StepKind.Reopened => "Reopened",
        StepKind.Proved => "Proved by records",
        _ => kind.ToString(),
    };

    public static string Stage(TaskStage stage) => stage switch
    {
        TaskStage.Planned => "Planned",
        TaskStage.Prompted => "Prompted",
        TaskStage.Reported => "In progress",
        TaskStage.Checked => "Checked",
        TaskStage.Escalated => "Escalated",
        TaskStage.Done => "Done",
        _ => stage.ToString(),
    };

    public static string HigherState(HigherTaskState state) => state switch
    {
        HigherTaskState.Open => "Not started",
        HigherTaskState.InProgress => "In progress",
        HigherTaskState.Done => "Done",
        _ => state.ToString(),
    };
}
