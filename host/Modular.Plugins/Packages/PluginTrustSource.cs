namespace Modular.Plugins.Packages;

/// <summary>The security administrator's list of trusted publishers, as the host keeps it.</summary>
public interface IPublisherStore
{
    /// <summary>Every publisher on the list (name and public key as stored, with its id), by name; the settings' keys are not among them.</summary>
    Task<IReadOnlyList<PublisherKey>> ListAsync(CancellationToken ct = default);

    /// <summary>Adds a publisher (its key checked and not on the list yet); the row as stored, with its id.</summary>
    Task<PublisherKey> AddAsync(PublisherKey publisher, CancellationToken ct = default);

    /// <summary>Removes the publisher with this id; the row removed, or null when there was none.</summary>
    Task<PublisherKey?> RemoveAsync(int id, CancellationToken ct = default);
}

/// <summary>Whose signature counts now: the settings' keys and the security administrator's list, read when asked (it changes while the portal runs).</summary>
public sealed class PluginTrustSource(PluginPackageOptions options, IPublisherStore publishers)
{
    public async Task<PluginTrust> CurrentAsync(CancellationToken ct = default) =>
        PluginTrust.From(options, await publishers.ListAsync(ct));
}
