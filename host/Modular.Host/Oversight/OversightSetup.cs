using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>The organ work committee's side of the portal: tasks from above kept by the host.</summary>
public static class OversightSetup
{
    public static IServiceCollection AddOversight(this IServiceCollection services)
    {
        services.AddScoped<IHigherTasks, NoHigherTasks>();
        return services;
    }
}

/// <summary>Until the committee can issue tasks, every agency has none.</summary>
internal sealed class NoHigherTasks : IHigherTasks
{
    public Task<IReadOnlyList<HigherTask>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HigherTask>>([]);

    public Task<HigherTask?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        Task.FromResult<HigherTask?>(null);

    public Task<IReadOnlyList<Problem>> ReportAsync(string moduleId, int id, HigherTaskReport report, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Problem>>([new Problem("", "unknown task")]);
}
