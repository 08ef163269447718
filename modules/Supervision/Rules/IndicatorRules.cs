using Modular.Sdk;

namespace Modular.Modules.Supervision.Rules;

/// <summary>The light rules of the module's indicators for the organ work committee: kept simple and stated in words.</summary>
public static class IndicatorRules
{
    /// <summary>Late things (tasks or ledger items): none green, 1–2 amber, 3 or more red.</summary>
    public static IndicatorLight Late(int count) => count switch { <= 0 => IndicatorLight.Green, <= 2 => IndicatorLight.Amber, _ => IndicatorLight.Red };

    /// <summary>The share of prompts answered (%), of those due by now: 90% or more green, 60% to 90% amber, below 60% red; none due, no light.</summary>
    public static IndicatorLight Answered(int due, int answered) =>
        due <= 0 ? IndicatorLight.None : Share(due, answered) switch { >= 90m => IndicatorLight.Green, >= 60m => IndicatorLight.Amber, _ => IndicatorLight.Red };

    /// <summary>answered / due as a percentage with one decimal; 0 when none are due.</summary>
    public static decimal Share(int due, int answered) => due <= 0 ? 0 : Math.Round(100m * answered / due, 1);
}
