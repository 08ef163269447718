using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Integrity.Pages;

/// <summary>Shared bits of the module's pages: the member picker's choices, a date posted but not understood.</summary>
public abstract class IntegrityPage : PageModel
{
    public IReadOnlyList<OrganizationInfo> Organizations { get; protected set; } = [];
    public IReadOnlyList<MemberInfo> Members { get; protected set; } = [];

    protected async Task LoadChoicesAsync(IntegrityAccess access, PeopleLookup people, CancellationToken ct)
    {
        Organizations = await access.DepartmentsAsync(ct);
        Members = await people.PartyMembersAsync(ct);
    }

    public MemberSelect Picker(string name, string id, int? selected) => new(name, id, selected, Members, Organizations);

    /// <summary>A date posted but not understood: "please enter a valid date" rather than "required".</summary>
    protected bool BadDate(string field) =>
        Request.HasFormContentType && Request.Form[field] is { Count: > 0 } raw && raw.ToString().Length > 0 && ModelState[field]?.Errors.Count > 0;
}

/// <summary>The member picker: a select of the agency's Party members grouped by organisation.</summary>
public sealed record MemberSelect(string Name, string Id, int? Selected, IReadOnlyList<MemberInfo> Members, IReadOnlyList<OrganizationInfo> Organizations, bool Required = true);
