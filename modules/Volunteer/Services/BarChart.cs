using System.Globalization;
using System.Net;
using System.Text;

namespace Modular.Modules.Volunteer.Services;

/// <summary>A bar chart as inline SVG, drawn on the server (no script, no CDN, no inline styles: the CSP allows it).</summary>
public static class BarChart
{
    public sealed record Bar(string Label, decimal Value);

    public static string Svg(IReadOnlyList<Bar> bars, string title, string unit, int width = 720, int height = 240)
    {
        const int left = 44, bottom = 28, top = 16;
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var scaleMax = NiceCeiling(max);
        var plotHeight = height - bottom - top;
        var slot = (width - left) / (double)Math.Max(1, bars.Count);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg class=\"bar-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(inv, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        for (var i = 0; i <= 4; i++)
        {
            var y = top + plotHeight - plotHeight * i / 4.0;
            sb.Append(inv, $"<line x1=\"{left}\" y1=\"{y:0.#}\" x2=\"{width}\" y2=\"{y:0.#}\" class=\"grid\" stroke=\"#e3e3e3\"/>");
            sb.Append(inv, $"<text x=\"{left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"#555\">{scaleMax * i / 4:0.#}</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var h = scaleMax == 0 ? 0 : (double)(b.Value / scaleMax) * plotHeight;
            var x = left + slot * i + slot * 0.2;
            var w = slot * 0.6;
            var label = WebUtility.HtmlEncode(b.Label);
            sb.Append(inv, $"<rect x=\"{x:0.#}\" y=\"{top + plotHeight - h:0.#}\" width=\"{w:0.#}\" height=\"{h:0.#}\" fill=\"#B5191E\"><title>{label}：{b.Value:0.#} {WebUtility.HtmlEncode(unit)}</title></rect>");
            if (b.Value > 0) sb.Append(inv, $"<text x=\"{x + w / 2:0.#}\" y=\"{top + plotHeight - h - 3:0.#}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{b.Value:0.#}</text>");
            sb.Append(inv, $"<text x=\"{x + w / 2:0.#}\" y=\"{height - 8}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#555\">{label}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>1, 2, 5 × 10^n at or above the value, so the grid reads in round numbers.</summary>
    public static decimal NiceCeiling(decimal value)
    {
        if (value <= 0) return 4;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 4m, 5m, 10m })
            if (step * magnitude >= value) return step * magnitude;
        return 10 * magnitude;
    }
}
