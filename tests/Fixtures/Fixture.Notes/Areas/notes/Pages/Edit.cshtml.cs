using Fixture.Notes.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Fixture.Notes.Pages;

public sealed class EditModel(NotesDbContext db) : PageModel
{
    public Note Note { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == id);
        if (note is null) return NotFound();
        Note = note;
        return Page();
    }
}
