using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>How the committee's pages show a figure: the value in its unit, with the light in words and colour together.</summary>
public static class OversightView
{
    public static string Css(IndicatorLight light) => light switch
    {
        IndicatorLight.Green => "status-good",
        IndicatorLight.Amber => "status-warning",
        IndicatorLight.Red => "status-danger",
        _ => "status-neutral",
    };

    /// <summary>The light's word: the key of the host's resources.</summary>
    public static string Word(IndicatorLight light) => light switch
    {
        IndicatorLight.Green => "On track",
        IndicatorLight.Amber => "Needs attention",
        IndicatorLight.Red => "Behind",
        _ => "Figure",
    };

    public static string Format(IndicatorValue value, IndicatorDefinition definition) =>
        value.Value.ToString(value.Value == decimal.Truncate(value.Value) ? "0" : "0.#") + Unit(definition);

    public static string Unit(IndicatorDefinition definition) => definition.Unit.Current is "%" ? "%" : definition.Unit.Zh is { Length: > 0 } ? " " + definition.Unit.Current : "";

    /// <summary>The period from the query: "2026-11" a month, "2026" the year so far; otherwise this year so far.</summary>
    public static IndicatorPeriod Period(string? text, DateOnly today, bool perOrganization = false)
    {
        if (ReportPeriod.Parse(text) is { } month && month.First <= today) return new IndicatorPeriod(month.Year, month.Month, perOrganization);
        if (int.TryParse(text, System.Globalization.NumberStyles.None, null, out var year) && year >= 2000 && year <= today.Year)
            return new IndicatorPeriod(year, null, perOrganization);
        return new IndicatorPeriod(today.Year, null, perOrganization);
    }

    public static string Label(IndicatorPeriod p) => p.Month is { } m ? $"{p.Year}年{m}月" : $"{p.Year}年（截至目前）";

    public static string Query(IndicatorPeriod p) => p.Month is { } m ? $"{p.Year:D4}-{m:D2}" : p.Year.ToString();
}
