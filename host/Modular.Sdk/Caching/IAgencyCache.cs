namespace Modular.Sdk;

/// <summary>
/// Figures computed from an agency's data (a report, counts for a card or the to-do list), kept per agency until any of
/// that agency's data changes. The host keeps a change stamp per agency that every save of agency data bumps in the same
/// transaction, once per transaction just before its commit (the host's own contexts, the directory and every
/// <see cref="ModuleDbContext"/>), and each value is kept
/// under the stamp it was computed at: a save on any instance makes the next request compute afresh, and values no one
/// asks for expire. A request reads the stamp at most once (again only after a save in this process).
/// Without a current agency nothing is cached. Since 1.6.0.
/// </summary>
/// <remarks>
/// The value is shared by every request of the agency: cache only what does not depend on the user (or put the user in
/// the key), and only immutable results (records, read-only lists). Prefix keys with the module's id. Data that is not
/// the agency's (settings files, another agency's rows, the clock) belongs in the key too, such as the year; the day or the
/// minute is better given as the value's <see cref="CachePeriod"/>.
/// </remarks>
public interface IAgencyCache
{
    /// <summary>The current agency's value under <paramref name="key"/>, made by <paramref name="create"/> when none was made since its data last changed.</summary>
    /// <param name="key">What the value is, with everything it depends on besides the agency's data ("org-life:stats:2026").</param>
    /// <param name="create">Computes the value from the database (called at most once per request and key).</param>
    /// <param name="cancellationToken">Stops the work.</param>
    Task<T> GetOrCreateAsync<T>(string key, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken = default);

    /// <summary>
    /// The current agency's value under <paramref name="key"/> for <paramref name="period"/> (the day, the minute), made by
    /// <paramref name="create"/> when none was made for that period since its data last changed. When the period turns,
    /// one request makes the new period's value while the others get the previous period's, if it was made under the
    /// current stamp, instead of waiting for it; after a save everyone gets the new value (the last period's is of an older
    /// stamp). Use it for values that are also the clock's; the period need not be in the key. Since 1.6.0.
    /// </summary>
    /// <param name="key">What the value is, with everything it depends on besides the agency's data and the period.</param>
    /// <param name="period">The period the value holds for, such as <c>CachePeriod.Day(clock.Today)</c>.</param>
    /// <param name="create">Computes the value for the period (called at most once per request, key and period).</param>
    /// <param name="cancellationToken">Stops the work.</param>
    Task<T> GetOrCreateAsync<T>(string key, CachePeriod period, Func<CancellationToken, Task<T>> create, CancellationToken cancellationToken = default) =>
        GetOrCreateAsync($"{key}@{period}", create, cancellationToken);

    /// <summary>The current agency's change stamp: a number that grows with every committed save of its data (0 before the first, or without an agency).</summary>
    /// <param name="cancellationToken">Stops the read.</param>
    Task<long> StampAsync(CancellationToken cancellationToken = default);
}
