namespace Modular.Modules.Volunteer.Pages.Record;

/// <summary>A printable certificate of a member's volunteer hours in a year (志愿服务时长证明).</summary>
public sealed class CertificateModel(VolunteerDbContext db, VolunteerAccess access, ICurrentMember member, PeopleLookup people, IAgencyClock clock, ICurrentAgency agency)
    : RecordPage(db, access, member, people)
{
    public string AgencyName => agency.Name ?? "";
    public List<MemberRecord.Line> Served { get; private set; } = [];
    public decimal Hours { get; private set; }
    public DateOnly Issued => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Year ??= clock.Today.Year;
        if (!await LoadAsync(ct) || Person is null) return NotFound();
        Served = Lines.Where(MemberRecord.Served).OrderBy(l => l.StartsAt).ToList();
        Hours = Served.Sum(l => l.Hours!.Value);
        return Page();
    }
}
