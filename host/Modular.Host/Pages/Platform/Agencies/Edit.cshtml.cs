using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Localization;
using Modular.Sdk;

namespace Modular.Host.Pages.Platform.Agencies;

public sealed class EditModel(HostDbContext db, IText text) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public AgencyInput Input { get; set; } = new();

    public sealed class AgencyInput
    {
        [Required(ErrorMessage = "Please enter the agency's name.")]
        [StringLength(100, ErrorMessage = "The name can be at most {1} characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Please enter a short name.")]
        [StringLength(30, ErrorMessage = "The short name can be at most {1} characters.")]
        public string ShortName { get; set; } = "";

        [Required(ErrorMessage = "Please enter a code.")]
        [StringLength(30, ErrorMessage = "The code can be at most {1} characters.")]
        [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "The code may hold only letters, digits and hyphens.")]
        public string Code { get; set; } = "";

        public AgencyStatus Status { get; set; }
        public long Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null) return Page();
        var a = await db.Agencies.FindAsync(Id.Value);
        if (a is null) return NotFound();
        Input = new AgencyInput { Name = a.Name, ShortName = a.ShortName, Code = a.Code, Status = a.Status, Version = a.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Name = Input.Name?.Trim() ?? "";
        Input.ShortName = Input.ShortName?.Trim() ?? "";
        Input.Code = Input.Code?.Trim().ToUpperInvariant() ?? "";
        if (!ModelState.IsValid) return Page();
        if (await db.Agencies.AnyAsync(a => a.Code == Input.Code && a.Id != (Id ?? 0)))
        {
            ModelState.AddModelError("Input.Code", text["Another agency already uses this code."]);
            return Page();
        }
        Data.Agency agency;
        if (Id is null)
        {
            agency = new Data.Agency();
            db.Agencies.Add(agency);
        }
        else
        {
            var found = await db.Agencies.FindAsync(Id.Value);
            if (found is null) return NotFound();
            agency = found;
            // Compare with the version the form was loaded with: someone else's save in between is a conflict.
            db.Entry(agency).Property(a => a.Version).OriginalValue = Input.Version;
        }
        agency.Name = Input.Name;
        agency.ShortName = Input.ShortName;
        agency.Code = Input.Code;
        agency.Status = Input.Status;
        if (!await this.TrySaveAsync(db)) return Page();
        // Sessions inside a suspended agency lose it at their next check (Security:SessionCheckSeconds).
        return this.RedirectWithMessage(text["Saved."], "Index");
    }
}
