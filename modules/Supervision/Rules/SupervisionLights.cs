using Modular.Sdk;

namespace Modular.Modules.Supervision.Rules;

/// <summary>The thresholds of the module's indicators for the organ work committee, judged by the SDK's shared light rules.</summary>
public static class SupervisionLights
{
    /// <summary>Late things (tasks or ledger items): none green, 1–2 amber, 3 or more red.</summary>
    public static IndicatorLight Late(int count) => IndicatorRules.AtMost(count, 0, 2);

    /// <summary>The share of prompts answered (%), of those due by now: 90% or more green, 60% to 90% amber, below 60% red; none due, no light.</summary>
    public static IndicatorLight Answered(int due, int answered) =>
        due <= 0 ? IndicatorLight.None : IndicatorRules.AtLeast(Share(due, answered), 90m, 60m);

    /// <summary>answered / due as a percentage with one decimal; 0 when none are due.</summary>
    public static decimal Share(int due, int answered) => IndicatorRules.Percent(answered, due) ?? 0;
}
