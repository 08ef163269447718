using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Modular.Modules.Volunteer.Pages;

/// <summary>A details page whose small forms post back and return to it with a message: success above the page (the portal's), a problem in red.</summary>
public abstract class VolunteerPage : PageModel
{
    public string? Error => TempData["VolunteerError"] as string;

    protected RedirectToPageResult Done(int id, string message)
    {
        TempData["Message"] = message;
        return RedirectToPage("Details", new { id });
    }

    protected RedirectToPageResult Fail(int id, string message)
    {
        TempData["VolunteerError"] = message;
        return RedirectToPage("Details", new { id });
    }
}
