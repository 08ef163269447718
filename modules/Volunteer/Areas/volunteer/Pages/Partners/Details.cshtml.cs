using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Volunteer.Data;
using Modular.Modules.Volunteer.Domain;
using Modular.Modules.Volunteer.Services;
using Modular.Sdk;

namespace Modular.Modules.Volunteer.Pages.Partners;

/// <summary>
/// A partner with its contacts and its co-building log. Finished activities with the partner join the log by
/// themselves (entered once, reused); other co-building work (meetings, visits) is logged here.
/// </summary>
public sealed class DetailsModel(VolunteerDbContext db, VolunteerAccess access, Places places, IAuditLog audit, IStringLocalizer<VolunteerModule> T) : VolunteerPage
{
    public sealed record LogLine(DateOnly Date, string Title, string? Content, int? ActivityId, int? EntryId);

    public Partner Partner { get; private set; } = new();
    public List<LogLine> Log { get; private set; } = [];
    public bool CanEdit => access.IsManager;
    public bool CanLog { get; private set; }

    public string Phone(PartnerContact c) => CanEdit ? c.Phone ?? "" : Mask.Phone(c.Phone);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!access.CanView) return NotFound();
        var partner = await db.Partners.AsNoTracking().Include(p => p.Contacts).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return NotFound();
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
        return Page();
    }

    public async Task<IActionResult> OnPostLogAsync(int id, DateOnly? date, string? title, string? content, CancellationToken ct)
    {
        if (!access.CanView || !await access.CanOrganizeAsync(ct)) return NotFound();
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return NotFound();
        title = title?.Trim();
        if (date is null || string.IsNullOrEmpty(title)) return Fail(id, T["Enter the date and what was done."]);
        if (title.Length > 100) return Fail(id, T["The title can be at most 100 characters."]);
        if (date > DateOnly.FromDateTime(places.Now)) return Fail(id, T["The log records what has been done: the date cannot be in the future."]);
        var me = await access.MeAsync(ct);
        db.PartnerLog.Add(new PartnerLogEntry { PartnerId = id, Date = date.Value, Title = title, Content = string.IsNullOrWhiteSpace(content) ? null : content.Trim()[..Math.Min(content.Trim().Length, 2000)], AuthorMemberId = me?.Id });
        await db.SaveChangesAsync(ct);
        return Done(id, T["Added to the log."]);
    }

    public async Task<IActionResult> OnPostDeleteLogAsync(int id, int entryId, CancellationToken ct)
    {
        if (!CanEdit) return NotFound();
        var entry = await db.PartnerLog.FirstOrDefaultAsync(l => l.Id == entryId && l.PartnerId == id, ct);
        if (entry is null) return NotFound();
        db.PartnerLog.Remove(entry);
        await db.SaveChangesAsync(ct);
        return Done(id, T["Log entry deleted."]);
    }

    public async Task<IActionResult> OnPostContactAsync(int id, string? name, string? title, string? phone, CancellationToken ct)
    {
        if (!CanEdit) return NotFound();
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct)) return NotFound();
        name = name?.Trim();
        phone = phone?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 50) return Fail(id, T["Enter the contact's name (at most 50 characters)."]);
        if (!string.IsNullOrEmpty(phone) && !System.Text.RegularExpressions.Regex.IsMatch(phone, @"^(1\d{10}|0\d{2,3}-?\d{7,8})$"))
            return Fail(id, T["Enter an 11-digit mobile number starting with 1, or a landline such as 0377-61234567."]);
        db.PartnerContacts.Add(new PartnerContact { PartnerId = id, Name = name, Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim()[..Math.Min(title.Trim().Length, 50)], Phone = string.IsNullOrEmpty(phone) ? null : phone });
        await db.SaveChangesAsync(ct);
        return Done(id, T["Contact added."]);
    }

    public async Task<IActionResult> OnPostDeleteContactAsync(int id, int contactId, CancellationToken ct)
    {
        if (!CanEdit) return NotFound();
        var contact = await db.PartnerContacts.FirstOrDefaultAsync(c => c.Id == contactId && c.PartnerId == id, ct);
        if (contact is null) return NotFound();
        db.PartnerContacts.Remove(contact);
        await db.SaveChangesAsync(ct);
        return Done(id, T["Contact removed."]);
    }
}
