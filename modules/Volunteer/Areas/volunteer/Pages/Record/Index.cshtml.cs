using Microsoft.AspNetCore.Mvc;
using Modular.Modules.Volunteer.Data;
using Modular.Modules.Volunteer.Services;
using Modular.Sdk;

namespace Modular.Modules.Volunteer.Pages.Record;

/// <summary>A member's volunteer record: hours per year and every activity, with a link to the certificate.</summary>
public sealed class IndexModel(VolunteerDbContext db, VolunteerAccess access, ICurrentMember member, PeopleLookup people, IAgencyClock clock)
    : RecordPage(db, access, member, people, clock)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();
}
