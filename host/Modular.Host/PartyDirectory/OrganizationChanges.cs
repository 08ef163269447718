using Microsoft.EntityFrameworkCore;
using Modular.Host.Localization;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// The SDK's organisation changes (<see cref="IOrganizationChanges"/>): a module sets a term or the committee's posts under
/// the directory's rules and the user's scope, in the current agency; each attempt, done or refused, is audited with the
/// module and the reason. Ended posts keep their rows (<see cref="OrganizationPost.Until"/>).
/// </summary>
public sealed class OrganizationChanges(DirectoryDbContext db, DirectoryService directory, IAuditLog audit, IAgencyClock clock, IText text) : IOrganizationChanges
{
    public async Task<OrganizationChangeResult> SetTermAsync(string moduleId, TermChange change, CancellationToken ct = default)
    {
        var (org, problems) = await FindAsync(change.OrganizationId, change.Reason, ct);
        var before = org is null ? "" : $"{org.TermStart:yyyy-MM-dd}–{org.TermEnd:yyyy-MM-dd}";
        if (problems.Count == 0) problems = OrganizationTerms.Check(org!.Kind, change.Start, change.End).ToList();
        if (problems.Count == 0)
        {
            org!.TermStart = change.Start;
            org.TermEnd = change.End;
            problems = await SaveAsync(ct);
        }
        return await AuditedAsync("organization.term-change", moduleId, change.OrganizationId,
            $"{before} → {change.Start:yyyy-MM-dd}–{change.End:yyyy-MM-dd}", change.Reason, problems, ct);
    }

    public async Task<OrganizationChangeResult> AssignPostAsync(string moduleId, int organizationId, PostAssignment post, DateOnly since, string reason, CancellationToken ct = default)
    {
        var (org, problems) = await FindAsync(organizationId, reason, ct);
        if (problems.Count == 0)
        {
            problems = await PostProblemsAsync(org!, post, ct);
            var current = await db.CurrentPosts.Where(p => p.OrganizationId == organizationId).ToListAsync(ct);
            if (post.Post == CommitteePost.Secretary && current.Any(p => p.Post == CommitteePost.Secretary))
                problems.Add(new(nameof(PostAssignment.Post), "The organisation already has a secretary."));
            else if (current.Any(p => p.MemberId == post.MemberId && p.Post == post.Post))
                problems.Add(new(nameof(PostAssignment.Post), "This member already holds this post."));
            if (since > clock.Today) problems.Add(new("Date", "The date cannot be in the future."));
        }
        if (problems.Count == 0)
        {
            db.Posts.Add(new OrganizationPost { OrganizationId = organizationId, MemberId = post.MemberId, Post = post.Post, Since = since });
            problems = await SaveAsync(ct);
        }
        return await AuditedAsync("organization.post-assign", moduleId, organizationId, $"{post.Post} member#{post.MemberId} from {since:yyyy-MM-dd}", reason, problems, ct);
    }

    public async Task<OrganizationChangeResult> EndPostAsync(string moduleId, int organizationId, PostAssignment post, DateOnly until, string reason, CancellationToken ct = default)
    {
        var (_, problems) = await FindAsync(organizationId, reason, ct);
        OrganizationPost? row = null;
        if (problems.Count == 0)
        {
            row = await db.CurrentPosts.FirstOrDefaultAsync(p => p.OrganizationId == organizationId && p.MemberId == post.MemberId && p.Post == post.Post, ct);
            if (row is null) problems.Add(new(nameof(PostAssignment.MemberId), "The member does not hold this post."));
            else if (row.Since is { } since && until < since) problems.Add(new("Date", "A post ends on or after the day it began."));
        }
        if (problems.Count == 0)
        {
            row!.Until = until;
            problems = await SaveAsync(ct);
        }
        return await AuditedAsync("organization.post-end", moduleId, organizationId, $"{post.Post} member#{post.MemberId} until {until:yyyy-MM-dd}", reason, problems, ct);
    }

    public async Task<OrganizationChangeResult> RenewCommitteeAsync(string moduleId, CommitteeRenewal renewal, CancellationToken ct = default)
    {
        var (org, problems) = await FindAsync(renewal.OrganizationId, renewal.Reason, ct);
        if (problems.Count == 0)
        {
            problems = OrganizationChangeRules.Renewal(org!.Kind, renewal, clock.Today);
            foreach (var post in renewal.Posts ?? [])
                problems.AddRange((await PostProblemsAsync(org, post, ct)).Select(p => p with { Field = nameof(CommitteeRenewal.Posts) }));
        }
        if (problems.Count == 0)
        {
            // The old committee served to the day before the election; a post begun on or after that day was never held before it.
            foreach (var old in await db.CurrentPosts.Where(p => p.OrganizationId == renewal.OrganizationId).ToListAsync(ct))
            {
                if (old.Since is { } since && since >= renewal.Date) db.Posts.Remove(old);
                else old.Until = renewal.Date.AddDays(-1);
            }
            foreach (var post in renewal.Posts!)
                db.Posts.Add(new OrganizationPost { OrganizationId = renewal.OrganizationId, MemberId = post.MemberId, Post = post.Post, Since = renewal.Date });
            org!.TermStart = renewal.Date;
            org.TermEnd = renewal.TermEnd;
            problems = await SaveAsync(ct);
        }
        var what = $"elected {renewal.Date:yyyy-MM-dd}, term to {renewal.TermEnd:yyyy-MM-dd}, posts: " +
                   string.Join(", ", (renewal.Posts ?? []).Select(p => $"{p.Post} member#{p.MemberId}"));
        return await AuditedAsync("organization.committee-renewal", moduleId, renewal.OrganizationId, what, renewal.Reason, problems, ct);
    }

    // Found in the current agency only (the context's filter): another agency's id reads as unknown.
    private async Task<(Organization? Organization, List<Problem> Problems)> FindAsync(int organizationId, string? reason, CancellationToken ct)
    {
        var org = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        var problems = OrganizationChangeRules.Access(org is null ? null : DirectoryService.ToInfo(org), await directory.GetCurrentScopeAsync(ct), reason);
        return (org, problems);
    }

    private async Task<List<Problem>> PostProblemsAsync(Organization org, PostAssignment post, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == post.MemberId, ct);
        var subtree = await directory.SubtreeIdsAsync(org.Id, ct);
        var belongs = member is not null && (subtree.Contains(member.OrganizationId) || member.GroupId is { } g && subtree.Contains(g));
        return OrganizationChangeRules.Post(post, member is null ? null : DirectoryService.ToInfo(member), belongs);
    }

    private async Task<List<Problem>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            // What this request read before (scope: who holds posts) is stale now.
            directory.Forget();
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [Problem.Stale()];
        }
    }

    private async Task<OrganizationChangeResult> AuditedAsync(string action, string moduleId, int organizationId, string what, string? reason,
        List<Problem> problems, CancellationToken ct)
    {
        var outcome = problems.Count == 0 ? "" : "; refused: " + string.Join(" ", problems.Select(p => p.Message));
        var shortReason = reason is null ? "" : reason.Length <= 200 ? reason : reason[..200] + "…";
        await audit.WriteAsync(action, $"Directory.Organization#{organizationId}", $"module {moduleId}: {what}; reason: {shortReason}{outcome}", problems.Count == 0, ct);
        if (problems.Count == 0) return OrganizationChangeResult.Done(organizationId);
        // The module shows these as they are: the directory's messages, in the user's language.
        return new(null, problems.Select(p => p.Message == Problem.StaleKey ? p : new Problem(p.Field, text[p.Message, p.Args])).ToList());
    }
}
