using Modular.Sdk;

namespace Modular.Host.Tenancy;

public static class TenancySetup
{
    /// <summary>
    /// The agency and person of the request, which modules each agency has switched on (watched across instances),
    /// and the one clock (the agency's time zone over <see cref="TimeProvider"/>).
    /// </summary>
    public static void AddTenancy(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddScoped<ICurrentAgency, CurrentAgency>();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddSingleton<ModuleGate>();
        services.AddSingleton<ModuleSwitchWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<ModuleSwitchWatcher>());
        services.AddSingleton<IAgencyClock>(sp => new AgencyClock(sp.GetRequiredService<TimeProvider>(), AgencyClock.FindTimeZone(builder.Configuration["Modular:TimeZone"])));
    }
}
