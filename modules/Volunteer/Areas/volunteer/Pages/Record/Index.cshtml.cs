namespace Modular.Modules.Volunteer.Pages.Record;

/// <summary>A member's volunteer record: hours per year and every activity, with a link to the certificate.</summary>
public sealed class IndexModel(VolunteerDbContext db, VolunteerAccess access, ICurrentMember member, PeopleLookup people)
    : RecordPage(db, access, member, people)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();
}
