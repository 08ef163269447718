using System.Reflection;
using System.Runtime.CompilerServices;
using McMaster.NETCore.Plugins;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Plugins.Packages;
using Modular.Sdk;

namespace Modular.Plugins;

/// <summary>
/// Finds the plugins in the plugins folder, checks each manifest, its files' signature and its entry assembly's metadata
/// before any of its code runs, orders them by dependency, loads each in its own load context and lets it register its services.
/// A plugin that fails any step is recorded with the reason and left out; the rest go on.
/// </summary>
/// <param name="platformAssemblies">The platform's own assemblies (the host's): a plugin may not register their services. The SDK's and the runtime's are always in.</param>
public sealed class PluginCatalogLoader(AssemblyInspector assemblies, IEnumerable<Assembly> platformAssemblies)
{
    private readonly HashSet<Assembly> _platform = [typeof(IModule).Assembly, typeof(PluginCatalog).Assembly, .. platformAssemblies];

    /// <summary>Discovers, validates, loads and registers every plugin into <paramref name="services"/>.</summary>
    public PluginCatalog Load(string pluginsPath, IServiceCollection services, PluginTrust trust)
    {
        var catalog = new PluginCatalog(pluginsPath);
        foreach (var plugin in catalog.Discover())
        {
            if (!plugin.IsRunning) continue;
            var missing = plugin.Manifest!.Dependencies.FirstOrDefault(d => !catalog.IsRunning(d.Id));
            if (missing is not null)
            {
                plugin.Fail($"依赖的模块“{missing.Id}”未能加载。");
                continue;
            }
            if (TryLoad(plugin, trust) is { } scratch)
                foreach (var d in scratch) services.Add(d);
        }
        return catalog;
    }

    /// <summary>SDK extension points are open to plugins; the platform's own services (SDK, runtime, host), and start-up filters, are not.</summary>
    private bool MayRegister(Type serviceType)
    {
        if (serviceType == typeof(IDashboardWidget) || serviceType == typeof(ITodoProvider) || serviceType == typeof(IDemoDataSeeder)
            || serviceType == typeof(ISharedRecordSource) || serviceType == typeof(IScheduledJob) || serviceType == typeof(IMenuItemCheck)
            || serviceType == typeof(IReportSection)
            || serviceType == typeof(IMemberMovedHandler) || serviceType == typeof(IIndicatorSource)
            || serviceType == typeof(ModuleDbContextRegistration))
            return true;
        if (_platform.Contains(serviceType.Assembly)) return false;
        return serviceType != typeof(Microsoft.AspNetCore.Hosting.IStartupFilter);
    }

    /// <summary>
    /// A widget, to-do provider, job, shared record source, menu item check, report section, member-moved handler, demo seeder or DbContext must name its own plugin's id
    /// (otherwise it would show, answer or run under another module's switch). The id is read before any of the
    /// plugin's services are built: from the registered instance, or from an uninitialised instance of the
    /// registered type (the SDK's Add… helpers register types; ModuleId is a constant there). A factory hides
    /// both, so it is refused.
    /// </summary>
    private static string? ContributionOwnerProblem(IServiceCollection registrations, string pluginId)
    {
        foreach (var d in registrations)
        {
            if (d.ServiceType == typeof(ModuleDbContextRegistration))
            {
                var owner = (d.IsKeyedService ? d.KeyedImplementationInstance : d.ImplementationInstance) as ModuleDbContextRegistration;
                if (owner is null) return "数据库上下文须用 AddModuleDbContext 注册。";
                if (owner.ModuleId != pluginId)
                    return $"数据库上下文 {owner.ContextType.Name} 登记在模块“{owner.ModuleId}”名下，而插件的标识是“{pluginId}”。";
                continue;
            }
            var kind = ContributionKind(d.ServiceType);
            if (kind is null) continue;
            var type = d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType;
            var instance = d.IsKeyedService ? d.KeyedImplementationInstance : d.ImplementationInstance;
            var name = type?.Name ?? instance?.GetType().Name;
            if (instance is null && type is null)
                return $"{kind}须用平台提供的 Add… 方法按类型注册（不能用工厂），平台才能核对它属于哪个模块。";
            string? moduleId, recordKind = null;
            try
            {
                instance ??= RuntimeHelpers.GetUninitializedObject(type!);
                moduleId = instance switch
                {
                    IDashboardWidget w => w.ModuleId,
                    ITodoProvider t => t.ModuleId,
                    IScheduledJob j => j.ModuleId,
                    IDemoDataSeeder s => s.ModuleId,
                    ISharedRecordSource r => r.ModuleId,
                    IMenuItemCheck m => m.ModuleId,
                    IReportSection r => r.ModuleId,
                    IMemberMovedHandler h => h.ModuleId,
                    IIndicatorSource i => i.ModuleId,
                    _ => null,
                };
                if (instance is ISharedRecordSource source) recordKind = source.Kind;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return $"{kind} {name} 的 ModuleId 无法在创建前读取（须为常量）：{ex.GetType().Name}。";
            }
            if (moduleId is null)
                return $"{kind} {name} 的 ModuleId 在创建前读不到，须写成常量（如 public string ModuleId => \"{pluginId}\";）。";
            if (moduleId != pluginId)
                return $"{kind} {name} 登记在模块“{moduleId}”名下，而插件的标识是“{pluginId}”。";
            if (recordKind is not null && !recordKind.StartsWith(pluginId + ".", StringComparison.Ordinal))
                return $"共享记录来源 {name} 的记录类型“{recordKind}”须以“{pluginId}.”开头。";
        }
        return null;
    }

    private static string? ContributionKind(Type serviceType) =>
        serviceType == typeof(IDashboardWidget) ? "首页卡片"
        : serviceType == typeof(ITodoProvider) ? "待办来源"
        : serviceType == typeof(IScheduledJob) ? "定时任务"
        : serviceType == typeof(ISharedRecordSource) ? "共享记录来源"
        : serviceType == typeof(IDemoDataSeeder) ? "演示数据"
        : serviceType == typeof(IMenuItemCheck) ? "菜单显示条件"
        : serviceType == typeof(IReportSection) ? "月报栏目"
        : serviceType == typeof(IMemberMovedHandler) ? "党员转接处理"
        : serviceType == typeof(IIndicatorSource) ? "考核指标"
        : null;

    /// <summary>
    /// Checks the plugin's files (signature) and its entry assembly's metadata, then loads it in its own load context and
    /// lets it register into a collection of its own, checked; null (and the plugin failed with the reason) when any step fails.
    /// No code of the plugin runs before both checks passed.
    /// </summary>
    public IServiceCollection? TryLoad(PluginDescriptor plugin, PluginTrust trust)
    {
        var manifest = plugin.Manifest!;
        var entry = Path.Combine(plugin.Folder, manifest.EntryAssembly);
        if (!File.Exists(entry))
        {
            plugin.Fail($"找不到入口程序集 {manifest.EntryAssembly}。");
            return null;
        }
        try
        {
            if (trust.CheckFolder(plugin.Folder, out var signature) is { } untrusted)
            {
                plugin.Fail(untrusted);
                return null;
            }
            plugin.Signature = signature;
            var facts = assemblies.Inspect(File.ReadAllBytes(entry), manifest.EntryAssembly, manifest.Id);
            if (facts.Errors.Count > 0)
            {
                plugin.Fail(string.Join(" ", facts.Errors));
                return null;
            }
            // Shared: the SDK, ASP.NET Core and EF Core come from the host, so a plugin's DbContext
            // is a DbContext to the host. Anything else the plugin carries stays private to it.
            var loader = PluginLoader.CreateFromAssemblyFile(entry,
                sharedTypes: [typeof(IModule), typeof(DbContext), typeof(IServiceCollection)],
                configure: c =>
                {
                    c.PreferSharedTypes = true;
                    // From memory, not mapped from the file: an upgrade or uninstall can replace the folder, and a
                    // restart within one process (tests) cannot be handed the runtime's cached image of an older file.
                    c.LoadInMemory = true;
                });
            var assembly = loader.LoadDefaultAssembly();
            var moduleTypes = assembly.GetExportedTypes()
                .Where(t => typeof(IModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
                .ToList();
            if (moduleTypes.Count != 1)
            {
                plugin.Fail(moduleTypes.Count == 0
                    ? "入口程序集中没有实现 IModule 的公开类。"
                    : "入口程序集中有多个实现 IModule 的类。");
                return null;
            }
            var module = (IModule)Activator.CreateInstance(moduleTypes[0])!;
            // Register into a scratch collection first, so a plugin that throws half-way leaves nothing behind.
            var scratch = new ServiceCollection();
            module.ConfigureServices(scratch, new ModuleContext(manifest, plugin.Folder));
            plugin.MenuItems = module.GetMenuItems().ToList();
            plugin.Permissions = module.GetPermissions().ToList();
            plugin.Settings = module.GetSettings().ToList();
            var badPermission = plugin.Permissions.FirstOrDefault(p => !p.Name.StartsWith(manifest.Id + ".", StringComparison.Ordinal));
            if (badPermission is not null)
            {
                plugin.Fail($"权限名“{badPermission.Name}”须以“{manifest.Id}.”开头。");
                return null;
            }
            var forbidden = scratch.FirstOrDefault(d => !MayRegister(d.ServiceType));
            if (forbidden is not null)
            {
                plugin.Fail($"插件不能注册或替换平台服务 {forbidden.ServiceType.Name}。");
                return null;
            }
            if (ContributionOwnerProblem(scratch, manifest.Id) is { } misfit)
            {
                plugin.Fail(misfit);
                return null;
            }
            plugin.Loader = loader;
            plugin.Assembly = assembly;
            plugin.Module = module;
            return scratch;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var inner = ex is TargetInvocationException { InnerException: { } ie } ? ie : ex;
            plugin.Fail($"注册时出错：{inner.GetType().Name}: {inner.Message}");
            return null;
        }
    }
}
