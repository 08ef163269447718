namespace Modular.Sdk.Testing;

/// <summary>The signed-in account of the test: a member of the agency (role <see cref="Roles.Member"/>) unless told otherwise.</summary>
public sealed class FakeUser : ICurrentUser
{
    private readonly HashSet<string> _agencyRoles = [Roles.Member];
    private readonly HashSet<string> _platformRoles = [];

    /// <inheritdoc />
    public bool IsAuthenticated { get; set; } = true;

    /// <inheritdoc />
    public string? Id { get; set; } = "test-user";

    /// <inheritdoc />
    public string? UserName { get; set; } = "test";

    /// <inheritdoc />
    public string? DisplayName { get; set; } = "测试用户";

    /// <inheritdoc />
    public bool IsPlatformAdmin => _platformRoles.Contains(Roles.PlatformAdmin);

    /// <inheritdoc />
    public IReadOnlyCollection<string> AgencyRoles => _agencyRoles;

    /// <inheritdoc />
    public bool IsInPlatformRole(string role) => _platformRoles.Contains(role);

    /// <inheritdoc />
    public bool IsInAgencyRole(string role) => _agencyRoles.Contains(role);

    /// <summary>Gives the account these roles in the current agency (e.g. <see cref="Roles.AgencyAdmin"/>).</summary>
    public FakeUser WithAgencyRoles(params string[] roles)
    {
        _agencyRoles.UnionWith(roles);
        return this;
    }

    /// <summary>Gives the account one of <see cref="Roles.PlatformRoles"/>.</summary>
    public FakeUser WithPlatformRole(string role)
    {
        _platformRoles.Add(role);
        return this;
    }

    /// <summary>No one is signed in.</summary>
    public static FakeUser SignedOut() => new() { IsAuthenticated = false, Id = null, UserName = null, DisplayName = null };
}
