using Modular.Sdk;

namespace Modular.Tests.Sdk;

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

    [Fact]
    public void A_row_chart_keeps_its_width_shortens_long_labels_and_marks_rows_without_data()
    {
        var svg = BarChart.HorizontalSvg([new("组织领导", 80, null, BarTone.Good), new("新时代文明实践与志愿服务", 25, null, BarTone.Bad), new("创建档案", null)],
            "各类别达标分值占比", suffix: "%", max: 100);
        Assert.Contains("width=\"380\"", svg); // drawn at its own width, not stretched across the page
        Assert.Contains(">组织领导<title>组织领导</title></text>", svg);
        Assert.Contains(">新时代文明实践…<title>新时代文明实践与志愿服务</title></text>", svg);
        Assert.Contains("width=\"172.8\" height=\"18\" fill=\"#1e6b30\"><title>组织领导：80%</title>", svg); // 80 % of the 216 px track
        Assert.Contains(">25%</text>", svg);
        Assert.Contains(">—</text>", svg);
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Matches(svg, "<rect ").Count); // three tracks, two bars
    }
}
