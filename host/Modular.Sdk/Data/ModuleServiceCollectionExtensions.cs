using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Sdk;

/// <summary>Configures a module's DbContext for the database the host runs on (provider, connection, history table).</summary>
public interface IModuleDatabase
{
    void Configure(DbContextOptionsBuilder options, string moduleId, Assembly migrationsAssembly);
}

/// <summary>Marks a module DbContext so that the host migrates it at start, in dependency order.</summary>
public sealed record ModuleDbContextRegistration(string ModuleId, Type ContextType);

public static class ModuleServiceCollectionExtensions
{
    /// <summary>Registers the module's DbContext on the host's database, with its own migrations history table.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, ModuleContext module)
        where TContext : ModuleDbContext
    {
        var id = module.ModuleId;
        services.AddDbContext<TContext>((sp, options) =>
            sp.GetRequiredService<IModuleDatabase>().Configure(options, id, typeof(TContext).Assembly));
        services.AddSingleton(new ModuleDbContextRegistration(id, typeof(TContext)));
        return services;
    }

    public static IServiceCollection AddDashboardWidget<TWidget>(this IServiceCollection services)
        where TWidget : class, IDashboardWidget
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDashboardWidget, TWidget>());
        return services;
    }

    public static IServiceCollection AddTodoProvider<TProvider>(this IServiceCollection services)
        where TProvider : class, ITodoProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ITodoProvider, TProvider>());
        return services;
    }

    public static IServiceCollection AddMenuItemCheck<TCheck>(this IServiceCollection services)
        where TCheck : class, IMenuItemCheck
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMenuItemCheck, TCheck>());
        return services;
    }

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
    string ModuleId { get; }
    /// <param name="seed">Fixed per agency so the same seed always gives the same data.</param>
    Task SeedAsync(int seed, CancellationToken cancellationToken);
}
