namespace Modular.Sdk;

/// <summary>
/// The traffic-light rules indicator sources share, so that every module judges at its thresholds the same way (a value
/// exactly at a threshold takes the better light). Since 1.6.0.
/// </summary>
public static class IndicatorRules
{
    /// <summary>Higher is better: at least <paramref name="green"/> is green, at least <paramref name="amber"/> amber, below red.</summary>
    public static IndicatorLight AtLeast(decimal value, decimal green, decimal amber) =>
        value >= green ? IndicatorLight.Green : value >= amber ? IndicatorLight.Amber : IndicatorLight.Red;

    /// <summary>Lower is better (overdue counts): at most <paramref name="green"/> is green, at most <paramref name="amber"/> amber, above red.</summary>
    public static IndicatorLight AtMost(decimal value, decimal green, decimal amber) =>
        value <= green ? IndicatorLight.Green : value <= amber ? IndicatorLight.Amber : IndicatorLight.Red;

    /// <summary><paramref name="part"/> of <paramref name="whole"/> in percent, one decimal; null when nothing was expected.</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole <= 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>The words of an <see cref="AtLeast(decimal, decimal, decimal)"/> rule: "≥95% 绿，80%–95% 黄，低于80% 红".</summary>
    public static LocalizedText AtLeastText(decimal green, decimal amber, string unit = "%") =>
        new($"≥{green:0.##}{unit} 绿，{amber:0.##}{unit}–{green:0.##}{unit} 黄，低于{amber:0.##}{unit} 红",
            $"≥{green:0.##}{unit} green, {amber:0.##}–{green:0.##}{unit} amber, below {amber:0.##}{unit} red");

    /// <summary>The words of an <see cref="AtMost(decimal, decimal, decimal)"/> rule: "0 绿，1–2 黄，3 以上 红".</summary>
    public static LocalizedText AtMostText(decimal green, decimal amber) =>
        new($"≤{green:0.##} 绿，≤{amber:0.##} 黄，超过{amber:0.##} 红", $"≤{green:0.##} green, ≤{amber:0.##} amber, above {amber:0.##} red");

    /// <summary>A value with its light from <see cref="AtLeast(decimal, decimal, decimal)"/>.</summary>
    public static IndicatorValue AtLeast(string key, decimal value, decimal green, decimal amber, int? organizationId = null, string? detail = null) =>
        new(key, value, AtLeast(value, green, amber)) { OrganizationId = organizationId, Detail = detail };

    /// <summary>A value with its light from <see cref="AtMost(decimal, decimal, decimal)"/>.</summary>
    public static IndicatorValue AtMost(string key, decimal value, decimal green, decimal amber, int? organizationId = null, string? detail = null) =>
        new(key, value, AtMost(value, green, amber)) { OrganizationId = organizationId, Detail = detail };
}
