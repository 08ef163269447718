using Modular.Sdk;

namespace Modular.Tests;

/// <summary>The SDK's server-drawn chart, as modules use it for shares (fixed scale, tones, months without data).</summary>
public sealed class BarChartTests
{
    [Fact]
    public void A_share_chart_has_a_fixed_top_coloured_bars_and_no_bar_where_there_is_nothing_to_measure()
    {
        var svg = BarChart.Svg([new("1月", 95, "1月：95%", BarTone.Good), new("2月", 50, null, BarTone.Bad), new("3月", null)],
            "按期召开比例", suffix: "%", max: 100);
        Assert.Contains(">100%</text>", svg); // the top of the grid, not a round number above 95
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(svg, "<rect ").Count);
        Assert.Contains("fill=\"#1e6b30\"><title>1月：95%</title>", svg);
        Assert.Contains("fill=\"#b00020\"><title>2月：50%</title>", svg);
        Assert.Contains(">3月</text>", svg); // labelled, though it has no bar
    }
}
