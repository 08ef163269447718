using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace Modular.Modules.Volunteer.Pages.Activities;

/// <summary>The organiser shows this on their phone or a screen; members scan it to check in and out. The code renews itself every minute.</summary>
[RequirePermission(VolunteerModule.ViewPermission)]
public sealed class QrModel(VolunteerDbContext db, VolunteerAccess access, Attendance attendance, IModuleSettings settings) : PageModel
{
    public Activity Activity { get; private set; } = new();
    public string ImageData { get; private set; } = "";
    public string Link { get; private set; } = "";
    public int Minutes { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null || !await access.CanManageAsync(activity, ct)) return NotFound();
        if (activity.Status != ActivityStatus.Published) return RedirectToPage("Details", new { id });
        Activity = activity;
        Minutes = Math.Clamp(settings.GetInt(VolunteerModule.Id, VolunteerModule.QrMinutesSetting), 1, 30);
        var token = attendance.CreateToken(id, TimeSpan.FromMinutes(Minutes));
        Link = Url.PageLink("/CheckIn", values: new { t = token })!;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Link, QRCodeGenerator.ECCLevel.M);
        ImageData = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
