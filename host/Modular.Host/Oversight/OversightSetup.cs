using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>The organ work committee's side of the portal: the indicators collected across agencies and tasks from above kept by the host.</summary>
public static class OversightSetup
{
    public static IServiceCollection AddOversight(this IServiceCollection services)
    {
        services.AddIndicatorSource<DirectoryIndicators>();
        services.AddScoped<IndicatorCollector>();
        services.AddScoped<IndicatorSharing>();
        services.AddScoped<CommitteeTasks>();
        services.AddScoped<AgencyOffices>();
        services.AddScoped<IHigherTasks, AgencyHigherTasks>();
        return services;
    }
}
