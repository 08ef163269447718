using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Modular.Sdk;

/// <summary>The pager's links (what <see cref="PagerTagHelper"/> draws), keeping the list's other query values (search, filters, sort).</summary>
public sealed class PagerModel(HttpRequest request, int page, int pageCount, int total)
{
    /// <summary>The page shown, from 1.</summary>
    public int Page { get; } = page;
    /// <summary>How many pages there are.</summary>
    public int PageCount { get; } = pageCount;
    /// <summary>How many items there are on all pages.</summary>
    public int Total { get; } = total;
    /// <summary>An element id the page links land on (a list below other content, so a phone does not start at the top).</summary>
    public string? Fragment { get; init; }

    /// <summary>The current URL with <c>p=<paramref name="page"/></c> and the list's other query values.</summary>
    public string UrlFor(int page)
    {
        var query = request.Query.Where(q => q.Key != "p").ToDictionary(q => q.Key, q => q.Value.ToString());
        query["p"] = page.ToString();
        var qb = new QueryBuilder(query);
        return request.Path + qb.ToQueryString().ToString() + (string.IsNullOrEmpty(Fragment) ? "" : "#" + Fragment);
    }
}
