using Autofac;
using Autofac.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Modular.Host.Jobs;

/// <summary>
/// <see cref="IJobSharedRecords"/>: inside a job the host runs for the current agency, the sources are asked in a child
/// scope that reads as the agency's Party office (<see cref="JobRunContext.ReadsAsOffice"/>), so a source that filters by
/// the user's scope sees the whole agency; people are dropped from what they answer. Anywhere else nothing answers.
/// </summary>
public sealed class JobSharedRecords(JobRunContext job, ICurrentAgency agency, ILifetimeScope scope) : IJobSharedRecords, IAsyncDisposable
{
    private ILifetimeScope? _reading;
    private ISharedRecords? _records;

    public bool InJob => !job.ReadsAsOffice && job.AgencyId is { } a && a == agency.Id;

    private ISharedRecords? Records()
    {
        if (!InJob) return null;
        if (_records is not null) return _records;
        _reading = scope.BeginLifetimeScope();
        var services = new AutofacServiceProvider(_reading);
        services.GetRequiredService<JobRunContext>().BeginOfficeRead(job.AgencyId!.Value);
        return _records = services.GetRequiredService<ISharedRecords>();
    }

    public IReadOnlyList<SharedRecordKind> AvailableKinds() => Records()?.AvailableKinds() ?? [];

    public bool IsAvailable(string kind) => Records()?.IsAvailable(kind) ?? false;

    public async Task<IReadOnlyList<SharedRecord>> SearchAsync(string kind, SharedRecordQuery query, CancellationToken cancellationToken = default) =>
        Records() is { } records ? (await records.SearchAsync(kind, query, cancellationToken)).Select(WithoutPeople).ToList() : [];

    public async Task<IReadOnlyDictionary<string, SharedRecord>> GetAsync(string kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default) =>
        Records() is { } records ? (await records.GetAsync(kind, ids, cancellationToken)).ToDictionary(p => p.Key, p => WithoutPeople(p.Value)) : new Dictionary<string, SharedRecord>();

    // A job works for the agency, not for a person who may see people.
    private static SharedRecord WithoutPeople(SharedRecord record) => record.Attendees is null ? record : record with { Attendees = null };

    public async ValueTask DisposeAsync()
    {
        if (_reading is not null) await _reading.DisposeAsync();
    }
}
