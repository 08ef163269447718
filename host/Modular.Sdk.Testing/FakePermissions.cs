namespace Modular.Sdk.Testing;

/// <summary>The permissions the test grants the signed-in user: none until <see cref="Grant"/>.</summary>
public sealed class FakePermissions : IPermissionChecker
{
    private readonly HashSet<string> _granted = new(StringComparer.Ordinal);

    /// <summary>Grants these permissions (e.g. <c>"dues.manage"</c>).</summary>
    public FakePermissions Grant(params string[] permissions)
    {
        _granted.UnionWith(permissions);
        return this;
    }

    /// <summary>Takes these permissions away again.</summary>
    public FakePermissions Revoke(params string[] permissions)
    {
        _granted.ExceptWith(permissions);
        return this;
    }

    /// <inheritdoc />
    public bool IsGranted(string permission) => _granted.Contains(permission);
}
