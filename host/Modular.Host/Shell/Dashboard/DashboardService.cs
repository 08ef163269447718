using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Shell.Dashboard;

/// <summary>Collects the widgets of the modules that are on; a widget that throws is skipped, not fatal.</summary>
public sealed class DashboardService(IEnumerable<IDashboardWidget> widgets, ModuleGate gate, ICurrentAgency agency, IPermissionChecker permissions, ILogger<DashboardService> logger)
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
                if (await widget.GetContentAsync(ct) is { } content) result.Add(content);
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
public sealed class TodoService(IEnumerable<ITodoProvider> providers, ModuleGate gate, ICurrentAgency agency, IPermissionChecker permissions, ILogger<TodoService> logger)
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
                foreach (var item in await provider.GetItemsAsync(ct)) result.Add((provider.ModuleId, item));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "To-do provider of {Module} failed", provider.ModuleId);
            }
        }
        return result.OrderBy(r => r.Item2.DueDate ?? DateOnly.MaxValue).ToList();
    }
}
