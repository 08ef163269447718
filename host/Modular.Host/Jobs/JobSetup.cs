using Modular.Sdk;

namespace Modular.Host.Jobs;

public static class JobSetup
{
    /// <summary>Runs the modules' scheduled jobs for every agency.</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobRunLog>();
        services.AddScoped<JobRunContext>();
        services.AddScoped<IJobSharedRecords, JobSharedRecords>();
        services.AddSingleton<ScheduledJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledJobRunner>());
        return services;
    }
}
