using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages.Partners;

/// <summary>
/// A partner with its contacts and its co-building log. Finished activities with the partner join the log by
/// themselves (entered once, reused); other co-building work (meetings, visits) is logged here.
/// </summary>
[RequirePermission(VolunteerModule.ViewPermission)]
public sealed class DetailsModel(VolunteerDbContext db, VolunteerAccess access, ICurrentMember member, IAgencyClock clock, IAuditLog audit,
    IStringLocalizer<VolunteerModule> T) : PageModel
{
    public sealed record LogLine(DateOnly Date, string Title, string? Content, int? ActivityId, int? EntryId);

    public Partner Partner { get; private set; } = new();
    public List<LogLine> Log { get; private set; } = [];
    public bool CanEdit => access.IsManager;
    public bool CanLog { get; private set; }

    public string Phone(PartnerContact c) => CanEdit ? c.Phone ?? "" : Mask.Phone(c.Phone);

    /// <summary>What was typed into the contact and log forms, shown again when it is refused.</summary>
    public string? ContactName { get; private set; }
    public string? ContactTitle { get; private set; }
    public string? ContactPhone { get; private set; }
    public DateOnly? LogDate { get; private set; }
    public string? LogTitle { get; private set; }
    public string? LogContent { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().Include(p => p.Contacts).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return false;
        Partner = partner;
        CanLog = await access.CanOrganizeAsync(ct);
        var entries = await db.PartnerLog.AsNoTracking().Where(l => l.PartnerId == id).OrderByDescending(l => l.Date).Take(100).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => a.PartnerId == id && a.Status == ActivityStatus.Finished)
            .OrderByDescending(a => a.StartsAt).Take(100).Select(a => new { a.Id, a.Title, a.StartsAt, a.Place }).ToListAsync(ct);
        Log = entries.Select(e => new LogLine(e.Date, e.Title, e.Content, null, e.Id))
            .Concat(activities.Select(a => new LogLine(DateOnly.FromDateTime(a.StartsAt), a.Title, a.Place, a.Id, null)))
            .OrderByDescending(l => l.Date).ToList();
        if (CanEdit && partner.Contacts.Any(c => c.Phone is not null))
            await audit.WriteAsync("volunteer.view-contact-phones", $"Partner#{id}", null, true, ct);
        return true;
    }

    /// <summary>The page again with <paramref name="problem"/> next to <paramref name="field"/> and what was typed kept.</summary>
    private async Task<IActionResult> RefuseAsync(int id, Problem problem, CancellationToken ct)
    {
        ModelState.AddProblems([problem], T);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLogAsync(int id, DateOnly? date, string? title, string? content, CancellationToken ct)
    {
        if (!await access.CanOrganizeAsync(ct)) return NotFound();
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return NotFound();
        if (PartnerRules.LogProblem(date, title, clock.Today) is { } problem)
        {
            (LogDate, LogTitle, LogContent) = (date, title, content);
            return await RefuseAsync(id, problem, ct);
        }
        db.PartnerLog.Add(new PartnerLogEntry
        {
            PartnerId = id, Date = date!.Value, Title = title!.Trim(), Content = PartnerRules.Optional(content, PartnerRules.MaxLogContent),
            AuthorMemberId = await member.IdAsync(ct),
        });
        await db.SaveChangesAsync(ct);
        return this.Done(id, T["Added to the log."]);
    }

    [RequirePermission(VolunteerModule.ManagePermission)]
    public async Task<IActionResult> OnPostDeleteLogAsync(int id, int entryId, CancellationToken ct)
    {
        var entry = await db.PartnerLog.FirstOrDefaultAsync(l => l.Id == entryId && l.PartnerId == id, ct);
        if (entry is null) return NotFound();
        db.PartnerLog.Remove(entry);
        await db.SaveChangesAsync(ct);
        return this.Done(id, T["Log entry deleted."]);
    }

    [RequirePermission(VolunteerModule.ManagePermission)]
    public async Task<IActionResult> OnPostContactAsync(int id, string? name, string? title, string? phone, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return NotFound();
        if (PartnerRules.ContactProblem(name, phone) is { } problem)
        {
            (ContactName, ContactTitle, ContactPhone) = (name, title, phone);
            return await RefuseAsync(id, problem, ct);
        }
        phone = phone?.Trim();
        db.PartnerContacts.Add(new PartnerContact
        {
            PartnerId = id, Name = name!.Trim(), Title = PartnerRules.Optional(title, PartnerRules.MaxContactTitle), Phone = string.IsNullOrEmpty(phone) ? null : phone,
        });
        await db.SaveChangesAsync(ct);
        return this.Done(id, T["Contact added."]);
    }

    [RequirePermission(VolunteerModule.ManagePermission)]
    public async Task<IActionResult> OnPostDeleteContactAsync(int id, int contactId, CancellationToken ct)
    {
        var contact = await db.PartnerContacts.FirstOrDefaultAsync(c => c.Id == contactId && c.PartnerId == id, ct);
        if (contact is null) return NotFound();
        db.PartnerContacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        return this.Done(id, T["Contact removed."]);
    }
}
