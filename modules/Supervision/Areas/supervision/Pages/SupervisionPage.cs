using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Supervision.Pages;

/// <summary>Shared bits of the module's pages: the owner choices (organisations and members), a date posted but not understood.</summary>
public abstract class SupervisionPage : PageModel
{
    public IReadOnlyList<OrganizationInfo> Organizations { get; protected set; } = [];
    public IReadOnlyList<MemberInfo> Members { get; protected set; } = [];

    protected async Task LoadChoicesAsync(SupervisionAccess access, PeopleLookup people, CancellationToken ct)
    {
        Organizations = await access.OrganizationsAsync(ct);
        Members = await people.PartyMembersAsync(ct);
    }

    /// <summary>A date posted but not understood: "please enter a valid date" rather than "required".</summary>
    protected bool BadDate(string field) =>
        Request.HasFormContentType && Request.Form[field] is { Count: > 0 } raw && raw.ToString().Length > 0 && ModelState[field]?.Errors.Count > 0;

    /// <summary>Whoever owns a thing, as a line: organisation and/or person.</summary>
    public static string OwnerText(int? organizationId, int? memberId, IReadOnlyDictionary<int, OrganizationInfo> orgs, IReadOnlyDictionary<int, MemberInfo> members)
    {
        var parts = new List<string>();
        if (organizationId is { } o) parts.Add(orgs.TryGetValue(o, out var org) ? org.Name : "—");
        if (memberId is { } m) parts.Add(members.TryGetValue(m, out var who) ? who.Name : "—");
        return parts.Count == 0 ? "—" : string.Join(" · ", parts);
    }
}
