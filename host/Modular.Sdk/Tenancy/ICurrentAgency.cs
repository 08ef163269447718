namespace Modular.Sdk;

/// <summary>The agency of the current request, taken from the user's session, never from a form.</summary>
public interface ICurrentAgency
{
    /// <summary>Null outside any agency (signed out, or a platform page).</summary>
    int? Id { get; }
    string? Name { get; }
}

public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    string? Id { get; }
    string? UserName { get; }
    string? DisplayName { get; }
    bool IsPlatformAdmin { get; }
    /// <summary>True for one of <see cref="Roles.PlatformRoles"/> held by the account.</summary>
    bool IsInPlatformRole(string role);
    /// <summary>Roles held in the current agency.</summary>
    IReadOnlyCollection<string> AgencyRoles { get; }
    bool IsInAgencyRole(string role) => AgencyRoles.Contains(role);
}

/// <summary>A row that belongs to one agency. The SDK's base DbContext filters and stamps it.</summary>
public interface IAgencyOwned
{
    int AgencyId { get; set; }
}
