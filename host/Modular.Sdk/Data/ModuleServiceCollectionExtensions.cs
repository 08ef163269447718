using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Sdk;

/// <summary>Configures a module's DbContext for the database the host runs on (provider, connection, history table).</summary>
public interface IModuleDatabase
{
    /// <summary>Points <paramref name="options"/> at the host's database, with the history table of <paramref name="moduleId"/> and the migrations in <paramref name="migrationsAssembly"/> for the provider in use.</summary>
    void Configure(DbContextOptionsBuilder options, string moduleId, Assembly migrationsAssembly);
}

/// <summary>Marks a module DbContext so that the host migrates it at start, in dependency order.</summary>
/// <param name="ModuleId">The module that owns the context.</param>
/// <param name="ContextType">The context's type.</param>
public sealed record ModuleDbContextRegistration(string ModuleId, Type ContextType);

/// <summary>Registers what a module contributes, from <see cref="IModule.ConfigureServices"/>; each contribution carries the module's own id.</summary>
public static class ModuleServiceCollectionExtensions
{
    /// <summary>Registers the module's DbContext on the host's database, with its own migrations history table.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, ModuleContext module)
        where TContext : ModuleDbContext
    {
        var id = module.ModuleId;
        // The options are built once (IModuleDatabase and what it adds are singletons); the context is per request.
        services.AddDbContext<TContext>((sp, options) =>
            sp.GetRequiredService<IModuleDatabase>().Configure(options, id, typeof(TContext).Assembly), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton(new ModuleDbContextRegistration(id, typeof(TContext)));
        return services;
    }

    /// <summary>Registers a dashboard card (scoped).</summary>
    public static IServiceCollection AddDashboardWidget<TWidget>(this IServiceCollection services)
        where TWidget : class, IDashboardWidget
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDashboardWidget, TWidget>());
        return services;
    }

    /// <summary>Registers a to-do provider (scoped).</summary>
    public static IServiceCollection AddTodoProvider<TProvider>(this IServiceCollection services)
        where TProvider : class, ITodoProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ITodoProvider, TProvider>());
        return services;
    }

    /// <summary>Registers a check that shows (or, when it <see cref="IMenuItemCheck.Decides"/>, decides on) one of the module's menu items (scoped).</summary>
    public static IServiceCollection AddMenuItemCheck<TCheck>(this IServiceCollection services)
        where TCheck : class, IMenuItemCheck
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMenuItemCheck, TCheck>());
        return services;
    }

    /// <summary>Registers the module's demo data seeder (scoped).</summary>
    public static IServiceCollection AddDemoDataSeeder<TSeeder>(this IServiceCollection services)
        where TSeeder : class, IDemoDataSeeder
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDemoDataSeeder, TSeeder>());
        return services;
    }
}

/// <summary>Seeds a module's demo data for one agency; the host sets that agency as current before calling.</summary>
public interface IDemoDataSeeder
{
    /// <summary>Owning module id; the seeder runs only for agencies where that module is on.</summary>
    string ModuleId { get; }
    /// <summary>Adds the demo data of the current agency.</summary>
    /// <param name="seed">Fixed per agency so the same seed always gives the same data.</param>
    /// <param name="cancellationToken">Stops the seeding.</param>
    Task SeedAsync(int seed, CancellationToken cancellationToken);
}
