using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages.Record;

/// <summary>Whose record a page shows: one's own, or (Party office, committee members for their organisations) a member's.</summary>
[RequirePermission(VolunteerModule.ViewPermission)]
public abstract class RecordPage(VolunteerDbContext db, VolunteerAccess access, ICurrentMember member, PeopleLookup people) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Member { get; set; }
    [BindProperty(SupportsGet = true), Year] public int? Year { get; set; }
    public MemberInfo? Person { get; private set; }
    public string Organization { get; private set; } = "";
    public List<MemberRecord.Line> Lines { get; private set; } = [];
    public List<MemberRecord.Year> Years { get; private set; } = [];
    public bool IsOwn { get; private set; }

    /// <returns>False when the user may not see the record asked for.</returns>
    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = await member.GetAsync(ct);
        if (Member is null || Member == me?.Id)
        {
            Person = me;
            IsOwn = true;
        }
        else
        {
            if (await people.MemberAsync(Member.Value, ct) is not { } m) return false;
            var scope = await member.GetScopeAsync(ct);
            var visible = access.IsManager || scope.CanSeeOrganization(m.OrganizationId) || (m.GroupId is { } g && scope.CanSeeOrganization(g));
            if (!visible) return false;
            Person = m;
        }
        if (Person is null) return true;
        Organization = await people.OrganizationNameAsync(await people.BranchOfAsync(Person.Id, ct), ct);
        var all = await MemberRecord.LinesAsync(db, Person.Id, null, ct);
        Years = MemberRecord.Summarise(all);
        Lines = Year is { } y ? all.Where(l => l.StartsAt.Year == y).ToList() : all;
        return true;
    }
}
