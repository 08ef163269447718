using Microsoft.EntityFrameworkCore;
using Modular.Sdk;
using Modular.Host.Shell.Dashboard;

namespace Modular.Host.PartyDirectory;

/// <summary>Loads the facts of every organisation in the agency and computes their warnings.</summary>
public sealed class DirectoryWarnings(DirectoryDbContext db, DirectorySettings settings, IAgencyClock clock, IAgencyCache cache)
{
    public DateOnly Today => clock.Today;

    private IReadOnlyList<OrganizationFacts>? _facts;

    /// <summary>
    /// Counts behind the reminders, asked by the dashboard card, the to-do count and the organisation pages: kept per
    /// agency until any of its data changes (on any instance), once per request.
    /// </summary>
    public async Task<IReadOnlyList<OrganizationFacts>> FactsAsync(CancellationToken ct) =>
        _facts ??= await cache.GetOrCreateAsync("directory:facts", LoadFactsAsync, ct);

    private async Task<IReadOnlyList<OrganizationFacts>> LoadFactsAsync(CancellationToken ct)
    {
        var orgs = await db.Organizations.AsNoTracking().OrderBy(o => o.Path).ToListAsync(ct);
        // Mobile, abroad and lost-contact members count as what they are; those gone from the roster do not.
        var counts = await db.Members.AsNoTracking().Where(MemberRules.IsPartyMember)
            .GroupBy(m => new { m.OrganizationId, m.Stage })
            .Select(g => new { g.Key.OrganizationId, g.Key.Stage, Count = g.Count() })
            .ToListAsync(ct);
        var committee = await db.CurrentPosts.AsNoTracking()
            .GroupBy(p => p.OrganizationId)
            .Select(g => new { OrganizationId = g.Key, Count = g.Select(p => p.MemberId).Distinct().Count() })
            .ToDictionaryAsync(x => x.OrganizationId, x => x.Count, ct);
        return orgs.Select(o => new OrganizationFacts(o,
            counts.Where(c => c.OrganizationId == o.Id && c.Stage == MemberStage.FullMember).Sum(c => c.Count),
            counts.Where(c => c.OrganizationId == o.Id).Sum(c => c.Count),
            committee.GetValueOrDefault(o.Id))).ToList();
    }

    public async Task<IReadOnlyList<OrganizationWarning>> WarningsAsync(DataScope scope, CancellationToken ct)
    {
        var today = Today;
        return (await FactsAsync(ct))
            .Where(f => scope.CanSeeOrganization(f.Organization.Id))
            .SelectMany(f => OrganizationWarnings.For(f, today, settings))
            .ToList();
    }
}

/// <summary>The directory's own entries in the to-do centre: its warnings, for those who can act on them.</summary>
public sealed class DirectoryTodoProvider(DirectoryWarnings warnings, IDirectory directory) : ITodoProvider
{
    public string ModuleId => Shell.Dashboard.TodoService.HostModuleId;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var scope = await directory.GetCurrentScopeAsync(cancellationToken);
        if (!scope.AgencyWide && scope.OrganizationIds.Count == 0) return [];
        return (await warnings.WarningsAsync(scope, cancellationToken))
            .Where(w => w.Level != WarningLevel.Info || w.Due is not null)
            .Select(w => new TodoItem($"{w.OrganizationName}：{w.Text}", $"/Directory/Organizations/Details/{w.OrganizationId}", w.Due))
            .ToList();
    }
}
