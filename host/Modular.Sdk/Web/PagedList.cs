using Microsoft.EntityFrameworkCore;

namespace Modular.Sdk;

/// <summary>Where a paged list stands, whatever its rows: what the pager needs.</summary>
public interface IPagedList
{
    /// <summary>The page shown, from 1.</summary>
    int Page { get; }
    /// <summary>How many pages there are (at least 1).</summary>
    int PageCount { get; }
    /// <summary>How many rows in all.</summary>
    int Total { get; }
}

/// <summary>One page of a server-side paged list.</summary>
/// <param name="Items">The rows of this page.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Rows per page.</param>
/// <param name="Total">Rows in all.</param>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total) : IPagedList
{
    /// <inheritdoc />
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>Reads page <paramref name="page"/> of <paramref name="query"/> (clamped to the pages there are), with the total count.</summary>
    /// <param name="query">The ordered query.</param>
    /// <param name="page">The page asked for, from 1.</param>
    /// <param name="pageSize">Rows per page, kept between 5 and 100.</param>
    /// <param name="ct">Cancels the reads.</param>
    public static Task<PagedList<T>> CreateAsync(IQueryable<T> query, int page, int pageSize, CancellationToken ct) =>
        CreateAsync(query, page, pageSize, null, ct);

    /// <summary>
    /// Reads page <paramref name="page"/> of <paramref name="query"/> with a total the caller already knows (a count shown
    /// elsewhere on the page, or one kept in <see cref="IAgencyCache"/>), so the list costs one command; counts it when null.
    /// Since 1.6.0.
    /// </summary>
    /// <param name="query">The ordered query.</param>
    /// <param name="page">The page asked for, from 1.</param>
    /// <param name="pageSize">Rows per page, kept between 5 and 100.</param>
    /// <param name="total">The number of rows <paramref name="query"/> has, or null to count them.</param>
    /// <param name="ct">Cancels the reads.</param>
    public static async Task<PagedList<T>> CreateAsync(IQueryable<T> query, int page, int pageSize, int? total, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 5, 100);
        var rows = total ?? await query.CountAsync(ct);
        var pageCount = Math.Max(1, (rows + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<T>(items, page, pageSize, rows);
    }

    /// <summary>
    /// Reads page <paramref name="page"/> of <paramref name="query"/> with its total kept in <paramref name="cache"/> under
    /// <paramref name="totalKey"/> until the agency's data changes, so that the list costs one command; counts the rows
    /// every time when the key is null (a filter, such as a search text, not worth keeping a count for). Since 1.6.0.
    /// </summary>
    /// <param name="query">The ordered query.</param>
    /// <param name="page">The page asked for, from 1.</param>
    /// <param name="pageSize">Rows per page, kept between 5 and 100.</param>
    /// <param name="cache">The agency's kept values.</param>
    /// <param name="totalKey">
    /// Everything the count depends on besides the agency's data: the module's id and list, the viewer's scope
    /// (<see cref="DataScope.Key"/>) or id when the rows depend on who asks, and the filters' values; null to count.
    /// </param>
    /// <param name="ct">Cancels the reads.</param>
    public static async Task<PagedList<T>> CreateAsync(IQueryable<T> query, int page, int pageSize, IAgencyCache cache, string? totalKey, CancellationToken ct) =>
        await CreateAsync(query, page, pageSize, totalKey is null ? null : (int?)await cache.GetOrCreateAsync(totalKey, query.CountAsync, ct), ct);
}
