using System.Globalization;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Shell.Dashboard;

/// <summary>Collects the widgets of the modules that are on; a widget that throws is skipped, not fatal.</summary>
public sealed class DashboardService(IEnumerable<IDashboardWidget> widgets, ModuleGate gate, ICurrentAgency agency, IPermissionChecker permissions, ContributionCache cache, ILogger<DashboardService> logger)
{
    public async Task<IReadOnlyList<WidgetContent>> GetAsync(CancellationToken ct)
    {
        var result = new List<WidgetContent>();
        foreach (var widget in widgets.OrderBy(w => w.Order))
        {
            if (widget.ModuleId != TodoService.HostModuleId && !gate.IsEnabled(agency.Id, widget.ModuleId)) continue;
            if (widget.Permission is { } p && !permissions.IsGranted(p)) continue;
            try
            {
                var content = widget.Cacheable
                    ? await cache.GetOrCreateAsync("widget", widget.GetType(), widget.GetContentAsync, ct)
                    : await widget.GetContentAsync(ct);
                if (content is not null) result.Add(content);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Dashboard widget of {Module} failed", widget.ModuleId);
            }
        }
        return result;
    }
}

/// <summary>Collects the current user's to-do items from every enabled module (and the host).</summary>
public sealed class TodoService(IEnumerable<ITodoProvider> providers, ModuleGate gate, ICurrentAgency agency, IPermissionChecker permissions, ContributionCache cache, ILogger<TodoService> logger)
{
    public const string HostModuleId = "host";

    public async Task<IReadOnlyList<(string ModuleId, TodoItem Item)>> GetAsync(CancellationToken ct)
    {
        var result = new List<(string, TodoItem)>();
        foreach (var provider in providers)
        {
            if (provider.ModuleId != HostModuleId && !gate.IsEnabled(agency.Id, provider.ModuleId)) continue;
            if (provider.Permission is { } permission && !permissions.IsGranted(permission)) continue;
            try
            {
                var items = provider.Cacheable
                    ? await cache.GetOrCreateAsync("todo", provider.GetType(), provider.GetItemsAsync, ct)
                    : await provider.GetItemsAsync(ct);
                foreach (var item in items) result.Add((provider.ModuleId, item));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "To-do provider of {Module} failed", provider.ModuleId);
            }
        }
        return result.OrderBy(r => r.Item2.DueDate ?? DateOnly.MaxValue).ToList();
    }
}

/// <summary>
/// Keeps the cards and to-dos of contributions that allow it (<see cref="IDashboardWidget.Cacheable"/>) per agency and
/// its change stamp, user, roles, language and minute: the same user sees the same figures until the agency's data changes
/// or the minute turns; one user's never reach another. At the minute's turn one request makes the new value while the
/// others show the last minute's (<see cref="CachePeriod"/>).
/// </summary>
public sealed class ContributionCache(IAgencyCache cache, ICurrentUser user, TimeProvider time, ILogger<ContributionCache> logger)
{
    public Task<T> GetOrCreateAsync<T>(string kind, Type contribution, Func<CancellationToken, Task<T>> create, CancellationToken ct)
    {
        var roles = string.Join(',', user.AgencyRoles.Order(StringComparer.Ordinal));
        var key = $"host:{kind}:{contribution.FullName}:{user.Id}:{user.IsPlatformAdmin}:{roles}:{CultureInfo.CurrentUICulture.Name}";
        return cache.GetOrCreateAsync(key, CachePeriod.Minute(time.GetUtcNow()), async c =>
        {
            // Which contribution costs what when made again (once a minute per user, and after each save): Debug.
            var started = time.GetTimestamp();
            var value = await create(c);
            logger.LogDebug("Dashboard {Kind} of {Contribution} made in {Milliseconds:F1} ms", kind, contribution.Name, time.GetElapsedTime(started).TotalMilliseconds);
            return value;
        }, ct);
    }
}
