using System.Globalization;
using System.Net;
using System.Text;

namespace Modular.Sdk;

/// <summary>How a bar reads against a target: neutral, or good / warning / bad.</summary>
public enum BarTone
{
    /// <summary>No judgement: the portal's bar colour.</summary>
    Default,
    /// <summary>On or above the target.</summary>
    Good,
    /// <summary>Close to falling short.</summary>
    Warning,
    /// <summary>Short of the target.</summary>
    Bad,
}

/// <summary>
/// A bar chart as inline SVG, drawn on the server for every module: no script, no CDN and no inline styles
/// (the portal's content security policy allows it). Put the same figures in a table for screen readers.
/// </summary>
public static class BarChart
{
    /// <summary>One bar of a chart.</summary>
    /// <param name="Label">Written under (or beside) the bar.</param>
    /// <param name="Value">Null draws no bar (e.g. a month with nothing to measure yet).</param>
    /// <param name="Tooltip">Shown on hover; the label and value when absent.</param>
    /// <param name="Tone">The bar's colour.</param>
    public sealed record Bar(string Label, decimal? Value, string? Tooltip = null, BarTone Tone = BarTone.Default);

    /// <summary>Bars up, one column each: for a series such as months. Scales with the width it is given.</summary>
    /// <param name="bars">The bars, left to right.</param>
    /// <param name="title">The chart's accessible title.</param>
    /// <param name="unit">The values' unit, for the default tooltip.</param>
    /// <param name="suffix">After each value (e.g. "%"); <paramref name="unit"/> goes into the default tooltip.</param>
    /// <param name="max">A fixed top of the scale (e.g. 100 for shares); otherwise a round number above the largest value.</param>
    /// <param name="width">The drawing's width (view box units).</param>
    /// <param name="height">The drawing's height (view box units).</param>
    /// <returns>The <c>&lt;svg&gt;</c> element's markup, encoded.</returns>
    public static string Svg(IReadOnlyList<Bar> bars, string title, string unit = "", string suffix = "", decimal? max = null, int width = 720, int height = 240)
    {
        const int left = 44, bottom = 28, top = 16;
        var largest = bars.Count == 0 ? 0 : bars.Max(b => b.Value ?? 0);
        var scaleMax = max ?? NiceCeiling(largest);
        var plotHeight = height - bottom - top;
        var slot = (width - left) / (double)Math.Max(1, bars.Count);
        var inv = CultureInfo.InvariantCulture;
        string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg class=\"bar-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(inv, $"<title>{E(title)}</title>");
        for (var i = 0; i <= 4; i++)
        {
            var y = top + plotHeight - plotHeight * i / 4.0;
            sb.Append(inv, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{width}\" y2=\"{y:0.#}\" class=\"grid\" stroke=\"#e3e3e3\"/>");
            sb.Append(inv, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#555\">{scaleMax * i / 4:0.#}{E(suffix)}</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var x = left + slot * i + slot * 0.2;
            var w = slot * 0.6;
            var label = E(b.Label);
            if (b.Value is { } value)
            {
                var h = scaleMax == 0 ? 0 : (double)(Math.Min(value, scaleMax) / scaleMax) * plotHeight;
                var tip = E(b.Tooltip ?? $"{b.Label}：{value.ToString("0.#", inv)}{suffix} {unit}".TrimEnd());
                sb.Append(inv, $"<rect x=\"{x:0.#}\" y=\"{top + plotHeight - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"{Fill(b.Tone)}\"><title>{tip}</title></rect>");
                if (value > 0) sb.Append(inv, $"<text x=\"{x + w / 2:0.#}\" y=\"{top + plotHeight - h - 3:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{value:0.#}{E(suffix)}</text>");
            }
            sb.Append(inv, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - 8}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#555\">{label}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// Bars across, one labelled row each: for a few named categories. Drawn at its own width and never scaled up, so
    /// its text stays readable on a phone (give the svg <c>max-width: 100%</c>).
    /// </summary>
    /// <param name="bars">The bars, top to bottom.</param>
    /// <param name="title">The chart's accessible title.</param>
    /// <param name="unit">The values' unit, for the default tooltip.</param>
    /// <param name="suffix">After each value (e.g. "%").</param>
    /// <param name="max">A fixed end of the scale (e.g. 100 for shares); otherwise a round number above the largest value.</param>
    /// <param name="width">The drawing's width in pixels.</param>
    /// <returns>The <c>&lt;svg&gt;</c> element's markup, encoded.</returns>
    public static string HorizontalSvg(IReadOnlyList<Bar> bars, string title, string unit = "", string suffix = "", decimal? max = null, int width = 380)
    {
        const int labelWidth = 112, valueWidth = 52, row = 30, pad = 4, labelChars = 8;
        var height = pad * 2 + row * Math.Max(1, bars.Count);
        var plot = width - labelWidth - valueWidth;
        var largest = bars.Count == 0 ? 0 : bars.Max(b => b.Value ?? 0);
        var scaleMax = max ?? NiceCeiling(largest);
        var inv = CultureInfo.InvariantCulture;
        string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg class=\"bar-chart bar-chart-rows\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(inv, $"<title>{E(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = pad + row * i;
            var label = b.Label.Length > labelChars ? b.Label[..(labelChars - 1)] + "…" : b.Label;
            sb.Append(inv, $"<text x=\"{labelWidth - 8}\" y=\"{y + row / 2 + 5}\" text-anchor=\"end\" font-size=\"14\" fill=\"#333\">{E(label)}<title>{E(b.Label)}</title></text>");
            sb.Append(inv, $"<rect x=\"{labelWidth}\" y=\"{y + 6}\" width=\"{plot}\" height=\"{row - 12}\" fill=\"#f1f1f1\"/>");
            if (b.Value is { } value)
            {
                var w = scaleMax == 0 ? 0 : (double)(Math.Min(value, scaleMax) / scaleMax) * plot;
                var tip = E(b.Tooltip ?? $"{b.Label}：{value.ToString("0.#", inv)}{suffix} {unit}".TrimEnd());
                sb.Append(inv, $"<rect x=\"{labelWidth}\" y=\"{y + 6}\" width=\"{w:0.#}\" height=\"{row - 12}\" fill=\"{Fill(b.Tone)}\"><title>{tip}</title></rect>");
                sb.Append(inv, $"<text x=\"{labelWidth + plot + 6}\" y=\"{y + row / 2 + 5}\" font-size=\"13\" fill=\"#333\">{value:0.#}{E(suffix)}</text>");
            }
            else sb.Append(inv, $"<text x=\"{labelWidth + plot + 6}\" y=\"{y + row / 2 + 5}\" font-size=\"13\" fill=\"#777\">—</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Fill(BarTone tone) => tone switch
    {
        BarTone.Good => "#1e6b30",
        BarTone.Warning => "#a86b00",
        BarTone.Bad => "#b00020",
        _ => "#B5191E",
    };

    /// <summary>1, 2, 4, 5 × 10^n at or above the value, so the grid reads in round numbers.</summary>
    public static decimal NiceCeiling(decimal value)
    {
        if (value <= 0) return 4;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 4m, 5m, 10m })
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }
}
