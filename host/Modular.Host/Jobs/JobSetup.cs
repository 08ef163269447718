namespace Modular.Host.Jobs;

public static class JobSetup
{
    /// <summary>Runs the modules' scheduled jobs for every agency.</summary>
    public static IServiceCollection AddScheduledJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobRunLog>();
        services.AddSingleton<ScheduledJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledJobRunner>());
        return services;
    }
}
