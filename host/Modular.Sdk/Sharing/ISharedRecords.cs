using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Sdk;

/// <summary>
/// A module offers some of its records to other modules (enter once: a volunteer activity is linked from civilization
/// creation instead of being typed again). Register with <c>services.AddSharedRecordSource&lt;T&gt;()</c>; other modules
/// reach it only through <see cref="ISharedRecords"/>, which asks a source only while its module is on for the agency.
/// </summary>
public interface ISharedRecordSource
{
    /// <summary>Owning module id.</summary>
    string ModuleId { get; }
    /// <summary>"&lt;module-id&gt;.&lt;record&gt;", e.g. <c>volunteer.activity</c>; stored by consumers with the id.</summary>
    string Kind { get; }
    LocalizedText Name { get; }
    /// <summary>Permission the user needs to see these records, if any.</summary>
    string? Permission => null;
    /// <summary>Records of the current agency, newest first, at most <see cref="SharedRecordQuery.Take"/>.</summary>
    Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken);
    /// <summary>The records of the current agency with these ids (unknown ids are left out).</summary>
    Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

public sealed record SharedRecordQuery(DateOnly? From = null, DateOnly? To = null, string? Text = null, int Take = 50);

/// <summary>What a consumer may show of another module's record: a snapshot it can keep, and a link while the source is on.</summary>
public sealed record SharedRecord(string Kind, string Id, string Title, DateOnly Date, string? Place = null, string? Url = null, string? Summary = null);

public sealed record SharedRecordKind(string Kind, string ModuleId, LocalizedText Name);

/// <summary>
/// The host's view over every <see cref="ISharedRecordSource"/>: only sources whose module is on for the current agency
/// and whose permission the user holds answer; any other kind answers nothing (no error), so a consumer degrades to its
/// stored snapshot.
/// </summary>
public interface ISharedRecords
{
    IReadOnlyList<SharedRecordKind> AvailableKinds();
    bool IsAvailable(string kind) => AvailableKinds().Any(k => k.Kind == kind);
    Task<IReadOnlyList<SharedRecord>> SearchAsync(string kind, SharedRecordQuery query, CancellationToken cancellationToken = default);
    Task<IReadOnlyDictionary<string, SharedRecord>> GetAsync(string kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);
}

public static class SharedRecordServiceCollectionExtensions
{
    public static IServiceCollection AddSharedRecordSource<TSource>(this IServiceCollection services)
        where TSource : class, ISharedRecordSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISharedRecordSource, TSource>());
        return services;
    }
}
