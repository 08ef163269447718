namespace Modular.Sdk;

/// <summary>
/// The signed-in user's own member record in the current agency and what they may see, read once per request.
/// Ask this instead of calling <see cref="IDirectory.GetCurrentMemberAsync"/> on every use.
/// </summary>
public interface ICurrentMember
{
    /// <summary>The member record linked to the signed-in account in the current agency; null when none is linked.</summary>
    Task<MemberInfo?> GetAsync(CancellationToken ct = default);

    /// <summary>The id of <see cref="GetAsync"/>, or null.</summary>
    async Task<int?> IdAsync(CancellationToken ct = default) => (await GetAsync(ct))?.Id;

    /// <summary>Which organisations the signed-in user may see (<see cref="IDirectory.GetCurrentScopeAsync"/>), read once per request.</summary>
    Task<DataScope> GetScopeAsync(CancellationToken ct = default);
}

/// <summary>The <see cref="ICurrentMember"/> over the directory; registered by the host per request.</summary>
/// <param name="directory">The directory of the current agency.</param>
public sealed class CurrentMember(IDirectory directory) : ICurrentMember
{
    private MemberInfo? _me;
    private bool _loaded;
    private DataScope? _scope;

    /// <inheritdoc />
    public async Task<MemberInfo?> GetAsync(CancellationToken ct = default)
    {
        if (!_loaded) { _me = await directory.GetCurrentMemberAsync(ct); _loaded = true; }
        return _me;
    }

    /// <inheritdoc />
    public async Task<DataScope> GetScopeAsync(CancellationToken ct = default) => _scope ??= await directory.GetCurrentScopeAsync(ct);
}
