using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Modular.Tests.Infrastructure;

/// <summary>
/// Reads a page as a browser would, so that a test checks the cell, status or widget it means rather than a word
/// anywhere on the page (a column header, a menu item or a filter's option would satisfy that always).
/// </summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The left navigation's links (menu items of the host and the modules), as (text, href).</summary>
    public static List<(string Text, string Href)> MenuLinks(string html) =>
        Parse(html).QuerySelectorAll("#portal-nav a[href]").Select(a => (Squash(a.TextContent), a.GetAttribute("href")!)).ToList();

    /// <summary>The trimmed text of every element matching <paramref name="selector"/>.</summary>
    public static List<string> Texts(string html, string selector) =>
        Parse(html).QuerySelectorAll(selector).Select(e => Squash(e.TextContent)).ToList();

    /// <summary>The trimmed text of the one element matching <paramref name="selector"/>; fails when there is none or more.</summary>
    public static string Text(string html, string selector) => Assert.Single(Texts(html, selector));

    /// <summary>The dashboard widget titled <paramref name="widget"/>: its metric labelled <paramref name="label"/>, or null when it shows none.</summary>
    public static string? Metric(string html, string widget, string label) =>
        Widget(html, widget)?.QuerySelectorAll(".metric")
            .Where(m => Squash(m.QuerySelector(".label")?.TextContent ?? "") == label)
            .Select(m => Squash(m.QuerySelector(".value")?.TextContent ?? "")).SingleOrDefault();

    /// <summary>The dashboard widget titled <paramref name="widget"/>, or null when the dashboard has none.</summary>
    public static IElement? Widget(string html, string widget) =>
        Parse(html).QuerySelectorAll("section.widget").SingleOrDefault(w => w.GetAttribute("aria-label") == widget);

    /// <summary>The rows of the first table matching <paramref name="table"/>, each as its cells' trimmed texts keyed by their data-label.</summary>
    public static List<Dictionary<string, string>> Rows(string html, string table = "table") =>
        (Parse(html).QuerySelector(table)?.QuerySelectorAll("tbody tr") ?? Enumerable.Empty<IElement>())
            .Select(tr => tr.QuerySelectorAll("td[data-label]")
                .GroupBy(td => td.GetAttribute("data-label")!)
                .ToDictionary(g => g.Key, g => Squash(g.First().TextContent)))
            .ToList();

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
