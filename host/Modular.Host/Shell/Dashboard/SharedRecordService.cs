using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Shell.Dashboard;

/// <summary>
/// Other modules' records for a consumer: a source answers only while its module is on for the current agency and the
/// user holds its permission. A source that fails is logged and answers nothing, so the consumer shows its snapshot.
/// </summary>
public sealed class SharedRecordService(IEnumerable<ISharedRecordSource> sources, ModuleGate gate, ICurrentAgency agency,
    IPermissionChecker permissions, ILogger<SharedRecordService> logger) : ISharedRecords
{
    private IReadOnlyList<ISharedRecordSource>? _available;

    private IReadOnlyList<ISharedRecordSource> Available() => _available ??= sources
        .Where(s => gate.IsEnabled(agency.Id, s.ModuleId) && (s.Permission is not { } p || permissions.IsGranted(p)))
        .ToList();

    public IReadOnlyList<SharedRecordKind> AvailableKinds() =>
        Available().Select(s => new SharedRecordKind(s.Kind, s.ModuleId, s.Name)).ToList();

    public bool IsAvailable(string kind) => Available().Any(s => s.Kind == kind);

    public async Task<IReadOnlyList<SharedRecord>> SearchAsync(string kind, SharedRecordQuery query, CancellationToken cancellationToken = default)
    {
        if (Available().FirstOrDefault(s => s.Kind == kind) is not { } source) return [];
        query = query with { Take = Math.Clamp(query.Take, 1, 200) };
        try
        {
            return (await source.SearchAsync(query, cancellationToken)).Take(query.Take).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Shared records {Kind} of {Module} failed", kind, source.ModuleId);
            return [];
        }
    }

    public async Task<IReadOnlyDictionary<string, SharedRecord>> GetAsync(string kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0 || Available().FirstOrDefault(s => s.Kind == kind) is not { } source) return new Dictionary<string, SharedRecord>();
        try
        {
            var wanted = ids.ToHashSet();
            return (await source.GetAsync(wanted, cancellationToken)).Where(r => r.Kind == kind && wanted.Contains(r.Id))
                .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Shared records {Kind} of {Module} failed", kind, source.ModuleId);
            return new Dictionary<string, SharedRecord>();
        }
    }
}
