using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Tenancy;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>An indicator as the committee's pages show it: its module and definition.</summary>
public sealed record IndicatorColumn(string ModuleId, IndicatorDefinition Definition);

/// <summary>One agency's figures: per indicator key, the agency's value and, when asked, its organisations' values.</summary>
public sealed record AgencyFigures(int AgencyId, string Name, IReadOnlyList<IndicatorValue> Values, IReadOnlyDictionary<int, string> OrganizationNames)
{
    public IndicatorValue? Of(string key, int? organizationId = null) =>
        Values.FirstOrDefault(v => v.Key == key && v.OrganizationId == organizationId);
}

/// <summary>Every agency's figures for a period, with the indicators that any agency offered.</summary>
public sealed record IndicatorMatrix(IndicatorPeriod Period, IReadOnlyList<IndicatorColumn> Columns, IReadOnlyList<AgencyFigures> Rows);

/// <summary>
/// Asks the modules' <see cref="IIndicatorSource"/>s for each active agency's figures, each agency in a scope of its own
/// with that agency current (as the scheduled jobs run), and only sources whose module is on there and shared by the
/// agency (<see cref="IndicatorOptOut"/>). A host source (a module id no plugin has, such as the directory's) is always on.
/// A source that fails is left out and logged, so one module cannot blank the committee's view.
/// </summary>
public sealed class IndicatorCollector(IServiceScopeFactory scopes, Plugins.LivePlugins live, ModuleGate gate, PluginCatalog catalog,
    ILogger<IndicatorCollector> logger)
{
    public async Task<IReadOnlyList<(int Id, string Name)>> AgenciesAsync(CancellationToken ct)
    {
        await using var scope = NewScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        return (await db.Agencies.AsNoTracking().Where(a => a.Status == AgencyStatus.Active).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ShortName, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, string.IsNullOrEmpty(a.ShortName) ? a.Name : a.ShortName)).ToList();
    }

    public async Task<IndicatorMatrix> MatrixAsync(IndicatorPeriod period, CancellationToken ct)
    {
        var columns = new List<IndicatorColumn>();
        var rows = new List<AgencyFigures>();
        foreach (var (id, name) in await AgenciesAsync(ct))
            rows.Add(await CollectAsync(id, name, period, columns, ct));
        return new IndicatorMatrix(period, Order(columns), rows);
    }

    /// <summary>One active agency's figures (with its organisations' when the period asks); null for an unknown or inactive agency.</summary>
    public async Task<IndicatorMatrix?> AgencyAsync(int agencyId, IndicatorPeriod period, CancellationToken ct)
    {
        if ((await AgenciesAsync(ct)).FirstOrDefault(a => a.Id == agencyId) is not { Name: not null } agency) return null;
        var columns = new List<IndicatorColumn>();
        var row = await CollectAsync(agency.Id, agency.Name, period, columns, ct);
        return new IndicatorMatrix(period, Order(columns), [row]);
    }

    /// <summary>The module ids of the sources the agency may share (its modules that are on, and the host's own).</summary>
    public async Task<IReadOnlyList<(string ModuleId, string Name)>> ShareableModulesAsync(int agencyId, CancellationToken ct)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = NewScope();
        return scope.ServiceProvider.GetServices<IIndicatorSource>().Select(s => s.ModuleId).Distinct()
            .Where(m => IsOn(agencyId, m))
            .Select(m => (m, catalog.Find(m)?.Name.Current ?? m))
            .ToList();
    }

    private async Task<AgencyFigures> CollectAsync(int agencyId, string name, IndicatorPeriod period, List<IndicatorColumn> columns, CancellationToken ct)
    {
        using var _ = AgencyScope.Use(agencyId, name);
        await using var scope = NewScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var withheld = (await db.IndicatorOptOuts.AsNoTracking().Where(o => o.AgencyId == agencyId).Select(o => o.ModuleId).ToListAsync(ct)).ToHashSet();
        var values = new List<IndicatorValue>();
        foreach (var source in scope.ServiceProvider.GetServices<IIndicatorSource>())
        {
            if (!IsOn(agencyId, source.ModuleId) || withheld.Contains(source.ModuleId)) continue;
            foreach (var d in source.Definitions)
                if (columns.All(c => c.Definition.Key != d.Key)) columns.Add(new IndicatorColumn(source.ModuleId, d));
            try
            {
                var keys = source.Definitions.Select(d => d.Key).ToHashSet();
                // A source answers only for its own keys: another module's key cannot be forged into the view.
                values.AddRange((await source.GetAsync(period, ct)).Where(v => keys.Contains(v.Key)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Indicator source {Module} failed for agency {Agency}", source.ModuleId, agencyId);
            }
        }
        IReadOnlyDictionary<int, string> names = new Dictionary<int, string>();
        if (period.PerOrganization)
            names = (await scope.ServiceProvider.GetRequiredService<IDirectory>().GetOrganizationsAsync(ct)).ToDictionary(o => o.Id, o => o.Name);
        return new AgencyFigures(agencyId, name, values, names);
    }

    private bool IsOn(int agencyId, string moduleId) => catalog.Find(moduleId) is null || gate.IsEnabled(agencyId, moduleId);

    private List<IndicatorColumn> Order(List<IndicatorColumn> columns) =>
        columns.OrderBy(c => catalog.Find(c.ModuleId)?.Order ?? -1).ThenBy(c => columns.IndexOf(c)).ToList();

    private AsyncServiceScope NewScope() =>
        (live.Scope is { } plugins ? Autofac.ResolutionExtensions.Resolve<IServiceScopeFactory>(plugins) : scopes).CreateAsyncScope();
}
