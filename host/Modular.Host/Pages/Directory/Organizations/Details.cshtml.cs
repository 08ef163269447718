using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Localization;
using Modular.Host.PartyDirectory;
using Modular.Sdk;

namespace Modular.Host.Pages.Directory.Organizations;

public sealed class DetailsModel(DirectoryDbContext db, DirectoryWarnings warnings, IDirectory directory, DirectorySettings settings, ICurrentUser user, IText text, IAgencyClock clock) : PageModel
{
    public Organization Org { get; private set; } = new();
    public OrganizationFacts Facts { get; private set; } = null!;
    public string? ParentName { get; private set; }
    public IReadOnlyList<OrganizationWarning> Warnings { get; private set; } = [];
    public IReadOnlyList<PostInfo> Posts { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Candidates { get; private set; } = [];
    public bool CanEditOrganization => user.IsInAgencyRole(Roles.AgencyAdmin);
    public bool CanEditPosts { get; private set; }
    public string? PostError { get; private set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await directory.GetCurrentScopeAsync(ct);
        if (!scope.CanSeeOrganization(id)) return false;
        var facts = (await warnings.FactsAsync(ct)).FirstOrDefault(f => f.Organization.Id == id);
        if (facts is null) return false;
        Facts = facts;
        Org = facts.Organization;
        ParentName = Org.ParentId is { } p ? await db.Organizations.Where(o => o.Id == p).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        Warnings = OrganizationWarnings.For(facts, warnings.Today, settings).ToList();
        Posts = await directory.GetPostsAsync(id, ct);
        CanEditPosts = scope.AgencyWide || scope.OrganizationIds.Contains(id);
        if (CanEditPosts)
        {
            Candidates = (await db.Members.AsNoTracking()
                .Where(m => m.OrganizationId == id && (m.Status == MemberStatus.FullMember || m.Status == MemberStatus.ProbationaryMember))
                .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct))
                .Select(m => (m.Id, m.Name)).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddPostAsync(int id, int memberId, CommitteePost post, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanEditPosts) return NotFound();
        if (Candidates.All(c => c.Id != memberId)) PostError = text["Choose a Party member of this organisation."];
        else if (post is CommitteePost.Secretary && Posts.Any(p => p.Post == CommitteePost.Secretary)) PostError = text["The organisation already has a secretary."];
        else if (Posts.Any(p => p.MemberId == memberId && p.Post == post)) PostError = text["This member already holds this post."];
        if (PostError is not null) return Page();
        db.Posts.Add(new OrganizationPost { OrganizationId = id, MemberId = memberId, Post = post, Since = clock.Today });
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(text["Saved."], null, new { id });
    }

    public async Task<IActionResult> OnPostRemovePostAsync(int id, int memberId, CommitteePost post, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CanEditPosts) return NotFound();
        var row = await db.CurrentPosts.FirstOrDefaultAsync(p => p.OrganizationId == id && p.MemberId == memberId && p.Post == post, ct);
        if (row is null) return NotFound();
        // The post ends today and stays on record (duties of the year count every holder); one given today by mistake just goes.
        if (row.Since == clock.Today) db.Posts.Remove(row);
        else row.Until = clock.Today;
        await db.SaveChangesAsync(ct);
        return this.RedirectWithMessage(text["Saved."], null, new { id });
    }
}
