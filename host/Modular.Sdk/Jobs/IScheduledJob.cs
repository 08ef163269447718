using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Sdk;

/// <summary>
/// Work a module does without a request (a festival reminder, a daily check). The host runs it periodically, once for
/// each agency where the module is on, in a scope of its own with that agency as the current agency, and never on two
/// instances at once for the same job and agency. A job must be safe to run again: it records what it has done.
/// Register with <c>services.AddScheduledJob&lt;T&gt;()</c>.
/// </summary>
public interface IScheduledJob
{
    /// <summary>Owning module id; the job runs only for agencies where that module is on.</summary>
    string ModuleId { get; }
    /// <summary>Unique within the module (names the lock).</summary>
    string Name { get; }
    /// <summary>One run for the current agency (the host sets it before calling, once per agency where the module is on).</summary>
    /// <param name="now">The time of this run (the host's clock), so a job decides "today" from it and tests can choose it.</param>
    /// <param name="cancellationToken">Stops the run when the host shuts down.</param>
    Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Registers a module's scheduled jobs.</summary>
public static class ScheduledJobServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TJob"/> (scoped).</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services)
        where TJob : class, IScheduledJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IScheduledJob, TJob>());
        return services;
    }
}
