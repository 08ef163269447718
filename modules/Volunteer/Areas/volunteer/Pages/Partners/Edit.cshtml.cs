using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages.Partners;

/// <summary>Creates or edits a paired community or assisted village (the Party office).</summary>
[RequirePermission(VolunteerModule.ManagePermission)]
public sealed class EditModel(VolunteerDbContext db, IStringLocalizer<VolunteerModule> T) : PageModel
{
    public sealed class PartnerForm
    {
        public PartnerKind Kind { get; set; }
        public string? Name { get; set; }
        public string? Address { get; set; }
        public DateOnly? PairedSince { get; set; }
        public string? Note { get; set; }
        public bool Active { get; set; } = true;
        public long Version { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public PartnerForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return Page();
        var p = await db.Partners.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (p is null) return NotFound();
        Input = new PartnerForm { Kind = p.Kind, Name = p.Name, Address = p.Address, PairedSince = p.PairedSince, Note = p.Note, Active = p.Active, Version = p.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Partner? existing = null;
        if (Id is not null && (existing = await db.Partners.FirstOrDefaultAsync(x => x.Id == Id, ct)) is null) return NotFound();
        ModelState.Remove("Input.PairedSince");
        Input.Name = Input.Name?.Trim();
        if (string.IsNullOrEmpty(Input.Name)) ModelState.AddModelError("Input.Name", T["Please enter the partner's name."]);
        else if (Input.Name.Length > 100) ModelState.AddModelError("Input.Name", T["The name can be at most 100 characters."]);
        else if (await db.Partners.AnyAsync(p => p.Name == Input.Name && p.Id != (Id ?? 0), ct)) ModelState.AddModelError("Input.Name", T["A partner with this name already exists."]);
        if (Input.Address?.Trim().Length > 200) ModelState.AddModelError("Input.Address", T["The address can be at most 200 characters."]);
        if (Request.Form["Input.PairedSince"] is { Count: > 0 } raw && raw.ToString().Length > 0 && Input.PairedSince is null)
            ModelState.AddModelError("Input.PairedSince", T["Please enter a valid date."]);
        if (!ModelState.IsValid) return Page();
        var partner = existing ?? db.Partners.Add(new Partner()).Entity;
        if (existing is not null) db.Entry(partner).Property(p => p.Version).OriginalValue = Input.Version;
        partner.Kind = Input.Kind;
        partner.Name = Input.Name!;
        partner.Address = string.IsNullOrWhiteSpace(Input.Address) ? null : Input.Address.Trim();
        partner.PairedSince = Input.PairedSince;
        partner.Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim()[..Math.Min(Input.Note.Trim().Length, 2000)];
        partner.Active = Input.Active;
        if (!await this.TrySaveAsync(db, ct)) return Page();
        return this.RedirectWithMessage(T["Saved."], "Details", new { id = partner.Id });
    }
}
