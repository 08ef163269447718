using System.ComponentModel.DataAnnotations;
using Fixture.Notes.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Fixture.Notes.Pages;

public sealed class IndexModel(NotesDbContext db, IPermissionChecker permissions, IModuleSettings settings) : PageModel
{
    public IReadOnlyList<Note> Notes { get; private set; } = [];
    public bool CanEdit => permissions.IsGranted(NotesModule.EditPermission);
    public string Greeting => settings.Get(NotesModule.Id, "greeting");

    [BindProperty]
    [Required(ErrorMessage = "请输入标题。")]
    [StringLength(100, ErrorMessage = "标题不能超过 100 个字符。")]
    public string Title { get; set; } = "";

    public async Task OnGetAsync() => Notes = await db.Notes.OrderBy(n => n.Id).ToListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        db.Notes.Add(new Note { Title = Title.Trim() });
        await db.SaveChangesAsync();
        return RedirectToPage();
    }
}
