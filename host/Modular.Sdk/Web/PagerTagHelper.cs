using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Modular.Sdk;

/// <summary>
/// The portal's pager under a list: <c>&lt;pager list="Model.List" /&gt;</c> (after <c>@addTagHelper *, Modular.Sdk</c>
/// in the module's <c>_ViewImports.cshtml</c>). Previous and next keep the list's other query values (search, filters,
/// sort); nothing is shown for a single page.
/// </summary>
/// <param name="encoder">The portal's HTML encoder (it leaves Chinese as it is, where the static default would write entities).</param>
[HtmlTargetElement("pager", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PagerTagHelper(HtmlEncoder encoder) : TagHelper
{
    private static readonly LocalizedText Pages = new("分页", "Pages");
    private static readonly LocalizedText Previous = new("上一页", "Previous");
    private static readonly LocalizedText Next = new("下一页", "Next");
    private static readonly LocalizedText PageOf = new("第 {0}/{1} 页", "Page {0} of {1}");
    private static readonly LocalizedText InAll = new("共 {0} 条", "{0} in all");

    /// <summary>The list being paged.</summary>
    public IPagedList? List { get; set; }

    /// <summary>An element id the page links land on (a list below other content, so a phone does not start at the top).</summary>
    public string? Fragment { get; set; }

    /// <summary>Set by Razor: the view's context, for the request's query.</summary>
    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <inheritdoc />
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (List is null || List.PageCount <= 1) { output.SuppressOutput(); return; }
        var pager = new PagerModel(ViewContext.HttpContext.Request, List.Page, List.PageCount, List.Total) { Fragment = Fragment };
        var e = encoder;
        // No link where there is no page to go to (page 0 or past the last): nothing to follow, tab to or crawl.
        string Item(bool disabled, string url, string text) => disabled
            ? $"<li class=\"page-item disabled\"><span class=\"page-link\" aria-disabled=\"true\">{e.Encode(text)}</span></li>"
            : $"<li class=\"page-item\"><a class=\"page-link\" href=\"{e.Encode(url)}\">{e.Encode(text)}</a></li>";
        var html = $"<nav aria-label=\"{e.Encode(Pages.Current)}\"><ul class=\"pagination flex-wrap\">"
            + Item(pager.Page <= 1, pager.UrlFor(pager.Page - 1), Previous.Current)
            + $"<li class=\"page-item disabled\"><span class=\"page-link\">{e.Encode(string.Format(PageOf.Current, pager.Page, pager.PageCount))}（{e.Encode(string.Format(InAll.Current, pager.Total))}）</span></li>"
            + Item(pager.Page >= pager.PageCount, pager.UrlFor(pager.Page + 1), Next.Current)
            + "</ul></nav>";
        output.Content.SetHtmlContent(html);
    }
}
