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
    /// <summary>What the records are called in a picker (志愿服务活动).</summary>
    LocalizedText Name { get; }
    /// <summary>Permission the user needs to see these records, if any.</summary>
    string? Permission => null;
    /// <summary>Records of the current agency, newest first, at most <see cref="SharedRecordQuery.Take"/>.</summary>
    Task<IReadOnlyList<SharedRecord>> SearchAsync(SharedRecordQuery query, CancellationToken cancellationToken);
    /// <summary>The records of the current agency with these ids (unknown ids are left out).</summary>
    Task<IReadOnlyList<SharedRecord>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

/// <summary>Which shared records to search for.</summary>
/// <param name="From">Records on or after this date, if given.</param>
/// <param name="To">Records on or before this date, if given.</param>
/// <param name="Text">Words the title contains, if given.</param>
/// <param name="Take">At most this many records.</param>
public sealed record SharedRecordQuery(DateOnly? From = null, DateOnly? To = null, string? Text = null, int Take = 50);

/// <summary>What a consumer may show of another module's record: a snapshot it can keep, and a link while the source is on.</summary>
public sealed record SharedRecord(string Kind, string Id, string Title, DateOnly Date, string? Place = null, string? Url = null, string? Summary = null);

/// <summary>A kind of shared record that answers for the current agency and user.</summary>
/// <param name="Kind">The kind, <c>&lt;module-id&gt;.&lt;record&gt;</c>.</param>
/// <param name="ModuleId">The module that offers it.</param>
/// <param name="Name">What the records are called.</param>
public sealed record SharedRecordKind(string Kind, string ModuleId, LocalizedText Name);

/// <summary>
/// The host's view over every <see cref="ISharedRecordSource"/>: only sources whose module is on for the current agency
/// and whose permission the user holds answer; any other kind answers nothing (no error), so a consumer degrades to its
/// stored snapshot.
/// </summary>
public interface ISharedRecords
{
    /// <summary>The kinds that answer now: their module is on for the agency and the user holds their permission.</summary>
    IReadOnlyList<SharedRecordKind> AvailableKinds();
    /// <summary>Whether <paramref name="kind"/> answers now.</summary>
    bool IsAvailable(string kind) => AvailableKinds().Any(k => k.Kind == kind);
    /// <summary>Records of <paramref name="kind"/> matching <paramref name="query"/>; empty when the kind does not answer.</summary>
    Task<IReadOnlyList<SharedRecord>> SearchAsync(string kind, SharedRecordQuery query, CancellationToken cancellationToken = default);
    /// <summary>Records of <paramref name="kind"/> by id (unknown ids left out); empty when the kind does not answer.</summary>
    Task<IReadOnlyDictionary<string, SharedRecord>> GetAsync(string kind, IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default);
}

/// <summary>Registers a module's shared record sources.</summary>
public static class SharedRecordServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TSource"/> (scoped); its <see cref="ISharedRecordSource.ModuleId"/> must be the module's own id.</summary>
    public static IServiceCollection AddSharedRecordSource<TSource>(this IServiceCollection services)
        where TSource : class, ISharedRecordSource
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ISharedRecordSource, TSource>());
        return services;
    }
}
