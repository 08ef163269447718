using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Modular.Modules.Integrity.Data;
using Modular.Modules.Integrity.Domain;
using Modular.Modules.Integrity.Services;

namespace Modular.Modules.Integrity.Pages.Warning;

/// <summary>Plans or edits a warning-education session; a new one takes its expected attendees from the roster.</summary>
public sealed class EditModel(IntegrityDbContext db, IntegrityAccess access, People people, IStringLocalizer<IntegrityModule> T) : IntegrityPage
{
    public sealed class SessionForm
    {
        public WarningKind Kind { get; set; }
        public DateOnly? Date { get; set; }
        public string? Title { get; set; }
        public string? Place { get; set; }
        public int? OrganizationId { get; set; }
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public SessionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!access.IsManager) return NotFound();
        if (Id is not null)
        {
            var w = await db.WarningSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
            if (w is null) return NotFound();
            Input = new SessionForm { Kind = w.Kind, Date = w.Date, Title = w.Title, Place = w.Place, OrganizationId = w.OrganizationId, Version = w.Version };
        }
        await LoadChoicesAsync(people, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!access.IsManager) return NotFound();
        WarningEducation? existing = null;
        if (Id is not null && (existing = await db.WarningSessions.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        var badDate = BadDate("Input.Date");
        ModelState.Remove("Input.Date");
        ModelState.Remove("Input.OrganizationId");
        if (Input.Date is null) ModelState.AddModelError("Input.Date", badDate ? T["Please enter a valid date."] : T["Please enter the date of the session."]);
        Input.Title = Input.Title?.Trim();
        if (string.IsNullOrEmpty(Input.Title)) ModelState.AddModelError("Input.Title", T["Please enter a title, e.g. 观看警示教育片《零容忍》."]);
        else if (Input.Title.Length > 100) ModelState.AddModelError("Input.Title", T["The title can be at most 100 characters."]);
        if (Input.Place?.Trim().Length > 200) ModelState.AddModelError("Input.Place", T["The place can be at most 200 characters."]);
        if (Input.OrganizationId is { } org && (await people.DepartmentsAsync(ct)).All(o => o.Id != org))
            ModelState.AddModelError("Input.OrganizationId", T["Please choose an organisation of this agency."]);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(people, ct);
            return Page();
        }
        var session = existing ?? db.WarningSessions.Add(new WarningEducation()).Entity;
        if (existing is not null) db.Entry(session).Property(w => w.Version).OriginalValue = Input.Version;
        session.Kind = Input.Kind;
        session.Date = Input.Date!.Value;
        session.Title = Input.Title!;
        session.Place = string.IsNullOrWhiteSpace(Input.Place) ? null : Input.Place.Trim();
        if (existing is null)
        {
            // The roster of the day: the organisation's Party members (with its groups), or the whole agency's.
            session.OrganizationId = Input.OrganizationId;
            foreach (var m in await people.PartyMembersAsync(Input.OrganizationId, ct))
                session.Attendees.Add(new WarningAttendee { MemberId = m.Id, Present = true });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", T["Someone else changed this record while you were editing. Reload the page and make your change again."]);
            await LoadChoicesAsync(people, ct);
            return Page();
        }
        TempData["Message"] = T["Saved."].Value;
        return RedirectToPage("Details", new { id = session.Id });
    }
}
