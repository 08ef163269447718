namespace Modular.Sdk.Testing;

/// <summary>The fake's <see cref="IOrganizationChanges"/>: the SDK's rules and the scope's permission, as the host applies them. Since 1.5.0.</summary>
public sealed partial class FakeDirectory : IOrganizationChanges
{
    private readonly List<OrganizationChangeRecord> _organizationChanges = [];

    /// <summary>Every organisation change asked for, done or refused, in order: what the host writes to its audit log. Since 1.5.0.</summary>
    public IReadOnlyList<OrganizationChangeRecord> OrganizationChanges => _organizationChanges;

    /// <summary>Sets an organisation's term directly (test set-up, no rules). Since 1.5.0.</summary>
    public OrganizationInfo SetTerm(int organizationId, DateOnly? start, DateOnly? end) =>
        ReplaceOrganization(organizationId, o => o with { TermStart = start, TermEnd = end });

    /// <inheritdoc />
    public Task<OrganizationChangeResult> SetTermAsync(string moduleId, TermChange change, CancellationToken cancellationToken = default)
    {
        var org = _organizations.FirstOrDefault(o => o.Id == change.OrganizationId);
        var problems = OrganizationChangeRules.Access(org, _scope, change.Reason);
        if (problems.Count == 0) problems = OrganizationTerms.Check(org!.Kind, change.Start, change.End).ToList();
        if (problems.Count == 0) SetTerm(org!.Id, change.Start, change.End);
        return Task.FromResult(RecordOrganization(moduleId, "term", change.OrganizationId, $"{change.Start:yyyy-MM-dd}–{change.End:yyyy-MM-dd}", change.Reason, problems));
    }

    /// <inheritdoc />
    public Task<OrganizationChangeResult> AssignPostAsync(string moduleId, int organizationId, PostAssignment post, DateOnly since, string reason, CancellationToken cancellationToken = default)
    {
        var org = _organizations.FirstOrDefault(o => o.Id == organizationId);
        var problems = OrganizationChangeRules.Access(org, _scope, reason);
        if (problems.Count == 0)
        {
            problems = PostProblems(org!, post);
            var current = _posts.Where(p => p.OrganizationId == organizationId && p.Until is null).ToList();
            if (post.Post == CommitteePost.Secretary && current.Any(p => p.Post == CommitteePost.Secretary))
                problems.Add(new(nameof(PostAssignment.Post), "The organisation already has a secretary."));
            else if (current.Any(p => p.MemberId == post.MemberId && p.Post == post.Post))
                problems.Add(new(nameof(PostAssignment.Post), "This member already holds this post."));
            if (since > Today) problems.Add(new("Date", "The date cannot be in the future."));
        }
        if (problems.Count == 0) AddPost(organizationId, post.MemberId, post.Post, since);
        return Task.FromResult(RecordOrganization(moduleId, "post-assign", organizationId, $"{post.Post} member#{post.MemberId}", reason, problems));
    }

    /// <inheritdoc />
    public Task<OrganizationChangeResult> EndPostAsync(string moduleId, int organizationId, PostAssignment post, DateOnly until, string reason, CancellationToken cancellationToken = default)
    {
        var org = _organizations.FirstOrDefault(o => o.Id == organizationId);
        var problems = OrganizationChangeRules.Access(org, _scope, reason);
        var index = _posts.FindIndex(p => p.OrganizationId == organizationId && p.MemberId == post.MemberId && p.Post == post.Post && p.Until is null);
        if (problems.Count == 0)
        {
            if (index < 0) problems.Add(new(nameof(PostAssignment.MemberId), "The member does not hold this post."));
            else if (_posts[index].Since is { } since && until < since) problems.Add(new("Date", "A post ends on or after the day it began."));
        }
        if (problems.Count == 0) _posts[index] = _posts[index] with { Until = until };
        return Task.FromResult(RecordOrganization(moduleId, "post-end", organizationId, $"{post.Post} member#{post.MemberId}", reason, problems));
    }

    /// <inheritdoc />
    public Task<OrganizationChangeResult> RenewCommitteeAsync(string moduleId, CommitteeRenewal renewal, CancellationToken cancellationToken = default)
    {
        var org = _organizations.FirstOrDefault(o => o.Id == renewal.OrganizationId);
        var problems = OrganizationChangeRules.Access(org, _scope, renewal.Reason);
        if (problems.Count == 0)
        {
            problems = OrganizationChangeRules.Renewal(org!.Kind, renewal, Today);
            foreach (var post in renewal.Posts ?? []) problems.AddRange(PostProblems(org, post).Select(p => p with { Field = nameof(CommitteeRenewal.Posts) }));
        }
        if (problems.Count == 0)
        {
            for (var i = _posts.Count - 1; i >= 0; i--)
            {
                var old = _posts[i];
                if (old.OrganizationId != renewal.OrganizationId || old.Until is not null) continue;
                if (old.Since is { } since && since >= renewal.Date) _posts.RemoveAt(i);
                else _posts[i] = old with { Until = renewal.Date.AddDays(-1) };
            }
            foreach (var post in renewal.Posts!) AddPost(renewal.OrganizationId, post.MemberId, post.Post, renewal.Date);
            SetTerm(renewal.OrganizationId, renewal.Date, renewal.TermEnd);
        }
        return Task.FromResult(RecordOrganization(moduleId, "renewal", renewal.OrganizationId,
            string.Join(", ", (renewal.Posts ?? []).Select(p => $"{p.Post} member#{p.MemberId}")), renewal.Reason, problems));
    }

    private List<Problem> PostProblems(OrganizationInfo org, PostAssignment post)
    {
        var member = _members.FirstOrDefault(m => m.Id == post.MemberId);
        var subtree = WithDescendants(org.Id);
        var belongs = member is not null && (subtree.Contains(member.OrganizationId) || member.GroupId is { } g && subtree.Contains(g));
        return OrganizationChangeRules.Post(post, member, belongs);
    }

    private OrganizationInfo ReplaceOrganization(int organizationId, Func<OrganizationInfo, OrganizationInfo> change)
    {
        var index = _organizations.FindIndex(o => o.Id == organizationId);
        if (index < 0) throw new ArgumentException($"No organisation {organizationId}.", nameof(organizationId));
        return _organizations[index] = change(_organizations[index]) with { Id = organizationId };
    }

    private OrganizationChangeResult RecordOrganization(string moduleId, string kind, int organizationId, string what, string? reason, List<Problem> problems)
    {
        _organizationChanges.Add(new OrganizationChangeRecord(moduleId, kind, organizationId, what, reason ?? "", problems.Count == 0));
        return problems.Count == 0 ? OrganizationChangeResult.Done(organizationId) : new OrganizationChangeResult(null, problems);
    }
}

/// <summary>An organisation change the fake directory was asked for: what the host's audit log would hold. Since 1.5.0.</summary>
/// <param name="ModuleId">The calling module.</param>
/// <param name="Kind"><c>term</c>, <c>post-assign</c>, <c>post-end</c> or <c>renewal</c>.</param>
/// <param name="OrganizationId">The organisation.</param>
/// <param name="What">The change, in short.</param>
/// <param name="Reason">The reason given.</param>
/// <param name="Succeeded">Whether it was made.</param>
public sealed record OrganizationChangeRecord(string ModuleId, string Kind, int OrganizationId, string What, string Reason, bool Succeeded);
