using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>What the roster page and its export ask for: a name, an organisation (with its groups and sub-organisations), a stage, a situation, an order.</summary>
/// <param name="Sort">name (default), -name, stage, -stage, situation, -situation, joined, -joined; null leaves the order to the caller.</param>
public sealed record RosterFilter(string? Q = null, int? Org = null, MemberStage? Stage = null, MemberSituation? Situation = null, string? Sort = null);

public sealed partial class DirectoryService
{
    /// <summary>
    /// The members the signed-in user may see (the Party office all, a secretary or committee member their organisations),
    /// filtered and ordered as <paramref name="filter"/> asks. Null when the user may see no member at all.
    /// </summary>
    public async Task<IQueryable<Member>?> RosterAsync(RosterFilter filter, CancellationToken ct = default)
    {
        var scope = await GetCurrentScopeAsync(ct);
        if (!scope.AgencyWide && scope.OrganizationIds.Count == 0) return null;
        IQueryable<Member> query = db.Members;
        if (!scope.AgencyWide)
        {
            var visible = scope.OrganizationIds.ToList();
            query = query.Where(m => visible.Contains(m.OrganizationId));
        }
        if (filter.Org is { } o)
        {
            var subtree = await SubtreeIdsAsync(o, ct);
            query = query.Where(m => subtree.Contains(m.OrganizationId) || (m.GroupId != null && subtree.Contains(m.GroupId.Value)));
        }
        if (filter.Stage is { } stage) query = query.Where(m => m.Stage == stage);
        if (filter.Situation is { } situation) query = query.Where(m => m.Situation == situation);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var name = filter.Q.Trim();
            query = query.Where(m => m.Name.Contains(name));
        }
        return filter.Sort is null ? query : Sorted(query, filter.Sort);
    }

    private static IQueryable<Member> Sorted(IQueryable<Member> query, string sort) => sort switch
    {
        "-name" => query.OrderByDescending(m => m.Name).ThenByDescending(m => m.Id),
        "stage" => query.OrderBy(m => m.Stage).ThenBy(m => m.Name),
        "-stage" => query.OrderByDescending(m => m.Stage).ThenBy(m => m.Name),
        "situation" => query.OrderBy(m => m.Situation).ThenBy(m => m.Name),
        "-situation" => query.OrderByDescending(m => m.Situation).ThenBy(m => m.Name),
        "joined" => query.OrderBy(m => m.JoinedDate).ThenBy(m => m.Id),
        "-joined" => query.OrderByDescending(m => m.JoinedDate).ThenBy(m => m.Id),
        _ => query.OrderBy(m => m.Name).ThenBy(m => m.Id),
    };
}
