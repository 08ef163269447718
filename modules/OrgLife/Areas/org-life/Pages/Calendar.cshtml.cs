using Microsoft.AspNetCore.Mvc.RazorPages;
using Modular.Modules.OrgLife.Api;

namespace Modular.Modules.OrgLife.Pages;

/// <summary>The member's meetings for their calendar: a file to download, or a subscription link the calendar app polls.</summary>
public sealed class CalendarModel(ICurrentMember member, IFeedLinks feeds) : PageModel
{
    public IReadOnlyList<FeedLinkInfo> Links { get; private set; } = [];
    /// <summary>A link just made: its URL holds the secret and is shown only now.</summary>
    public string? NewLink { get; private set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if ((await member.GetScopeAsync(ct)).OwnMemberId is null) return false;
        Links = await feeds.MineAsync(OrgLifeModule.Id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSubscribeAsync(CancellationToken ct)
    {
        if ((await member.GetScopeAsync(ct)).OwnMemberId is null) return NotFound();
        NewLink = await feeds.CreateAsync(OrgLifeModule.Id, OrgLifeApi.CalendarFeed, ct);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        if ((await member.GetScopeAsync(ct)).OwnMemberId is null) return NotFound();
        return await feeds.RevokeAsync(id, ct) ? RedirectToPage() : NotFound();
    }
}
