using Modular.Sdk;

namespace Modular.Host.Tenancy;

public static class TenancySetup
{
    /// <summary>The agency and person of the request, and which modules each agency has switched on (watched across instances).</summary>
    public static IServiceCollection AddTenancy(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<ICurrentAgency, CurrentAgency>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<ModuleGate>();
        services.AddSingleton<ModuleSwitchWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ModuleSwitchWatcher>());
        return services;
    }
}
