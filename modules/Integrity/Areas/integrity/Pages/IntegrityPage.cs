using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Integrity.Pages;

/// <summary>Shared bits of the module's pages: the member picker's choices, rule problems into ModelState.</summary>
public abstract class IntegrityPage : PageModel
{
    public IReadOnlyList<OrganizationInfo> Organizations { get; protected set; } = [];
    public IReadOnlyList<MemberInfo> Members { get; protected set; } = [];

    protected async Task LoadChoicesAsync(IntegrityAccess access, CancellationToken ct)
    {
        Organizations = await access.DepartmentsAsync(ct);
        Members = await access.PickerAsync(ct);
    }

    public MemberSelect Picker(string name, string id, int? selected) => new(name, id, selected, Members, Organizations);

    /// <summary>A date posted but not understood: "please enter a valid date" rather than "required".</summary>
    protected bool BadDate(string field) =>
        Request.HasFormContentType && Request.Form[field] is { Count: > 0 } raw && raw.ToString().Length > 0 && ModelState[field]?.Errors.Count > 0;

    /// <summary>Puts the rules' problems into ModelState under <paramref name="prefix"/> + field, in the user's language.</summary>
    protected void AddProblems(IEnumerable<Problem> problems, IStringLocalizer T, string prefix = "")
    {
        foreach (var p in problems) ModelState.AddModelError(prefix + p.Field, T[p.Message, p.Args]);
    }
}

/// <summary>The member picker: a select of the agency's Party members grouped by organisation.</summary>
public sealed record MemberSelect(string Name, string Id, int? Selected, IReadOnlyList<MemberInfo> Members, IReadOnlyList<OrganizationInfo> Organizations, bool Required = true);
