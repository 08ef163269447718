namespace Modular.Sdk.Testing;

/// <summary>An <see cref="IAgencyCache"/> for unit tests that caches nothing: every call computes afresh. Since 1.6.0.</summary>
public sealed class PassThroughAgencyCache : IAgencyCache
{
    /// <inheritdoc />
    public Task<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken = default) => create(cancellationToken);

    /// <inheritdoc />
    public Task<T> GetOrCreateAsync<T>(string key, CachePeriod period, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken = default) => create(cancellationToken);

    /// <inheritdoc />
    public Task<long> StampAsync(CancellationToken cancellationToken = default) => Task.FromResult(0L);
}
