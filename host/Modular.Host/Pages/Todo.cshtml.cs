using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Host.Localization;
using Modular.Host.Shell;
using Modular.Host.Shell.Dashboard;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Pages;

public sealed class TodoModel(TodoService todos, PluginCatalog catalog, IText text, IAgencyClock clock) : PageModel
{
    public IReadOnlyList<(string ModuleId, TodoItem Item)> Items { get; private set; } = [];
    public DateOnly Today => clock.Today;

    public string ModuleName(string id) => id == TodoService.HostModuleId ? text["Portal"] : catalog.Find(id)?.Name.Current ?? id;

    public async Task OnGetAsync(CancellationToken ct) => Items = await todos.GetAsync(ct);
}
