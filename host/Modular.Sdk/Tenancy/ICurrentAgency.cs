namespace Modular.Sdk;

/// <summary>The agency of the current request, taken from the user's session, never from a form.</summary>
public interface ICurrentAgency
{
    /// <summary>Null outside any agency (signed out, or a platform page).</summary>
    int? Id { get; }
    /// <summary>The agency's name; null outside any agency.</summary>
    string? Name { get; }
}

/// <summary>The account of the current request.</summary>
public interface ICurrentUser
{
    /// <summary>Whether someone is signed in.</summary>
    bool IsAuthenticated { get; }
    /// <summary>The account's id (a string, as Identity keeps it); null when signed out.</summary>
    string? Id { get; }
    /// <summary>The sign-in name.</summary>
    string? UserName { get; }
    /// <summary>The name to show for the account.</summary>
    string? DisplayName { get; }
    /// <summary>Whether the account administers the platform (agencies, modules), not an agency.</summary>
    bool IsPlatformAdmin { get; }
    /// <summary>True for one of <see cref="Roles.PlatformRoles"/> held by the account.</summary>
    bool IsInPlatformRole(string role);
    /// <summary>Roles held in the current agency.</summary>
    IReadOnlyCollection<string> AgencyRoles { get; }
    /// <summary>Whether the account holds <paramref name="role"/> in the current agency.</summary>
    bool IsInAgencyRole(string role) => AgencyRoles.Contains(role);
}

/// <summary>A row that belongs to one agency. The SDK's base DbContext filters and stamps it.</summary>
public interface IAgencyOwned
{
    /// <summary>The owning agency; set by the SDK's base DbContext when the row is added.</summary>
    int AgencyId { get; set; }
}
