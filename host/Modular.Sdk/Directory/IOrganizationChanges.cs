namespace Modular.Sdk;

/// <summary>
/// An organisation's term set anew: after an election (a new term from the election day) or lengthened or shortened with
/// the higher committee's approval (the same start, another end). Since 1.5.0.
/// </summary>
/// <param name="OrganizationId">The organisation (committee, general branch or branch) of the current agency.</param>
/// <param name="Start">The first day of the term.</param>
/// <param name="End">The day the term ends (届满).</param>
/// <param name="Reason">Why, for the audit log (the election, the higher committee's approval); required.</param>
public sealed record TermChange(int OrganizationId, DateOnly Start, DateOnly End, string Reason);

/// <summary>A post of a new committee: who holds it. Since 1.5.0.</summary>
/// <param name="MemberId">The member, a full member of the organisation (or of one under it).</param>
/// <param name="Post">The post.</param>
public sealed record PostAssignment(int MemberId, CommitteePost Post);

/// <summary>
/// A committee elected: every post held until now ends the day before <paramref name="Date"/> (and stays on record), the
/// new posts are held from <paramref name="Date"/>, and the term runs from <paramref name="Date"/> to <paramref name="TermEnd"/>.
/// Since 1.5.0.
/// </summary>
/// <param name="OrganizationId">The organisation of the current agency.</param>
/// <param name="Date">The day of the election.</param>
/// <param name="TermEnd">The day the new term ends (normally <see cref="OrganizationTerms.NormalEnd"/>).</param>
/// <param name="Posts">The new committee's posts.</param>
/// <param name="Reason">Why, for the audit log; required.</param>
public sealed record CommitteeRenewal(int OrganizationId, DateOnly Date, DateOnly TermEnd, IReadOnlyList<PostAssignment> Posts, string Reason);

/// <summary>What a change to an organisation came to: its id, or the problems that refused it (nothing saved). Since 1.5.0.</summary>
/// <param name="OrganizationId">The organisation changed; null when refused.</param>
/// <param name="Problems">Why it was refused; empty when done.</param>
public sealed record OrganizationChangeResult(int? OrganizationId, IReadOnlyList<Problem> Problems)
{
    /// <summary>Whether the change was made.</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Done, for <paramref name="organizationId"/>.</summary>
    public static OrganizationChangeResult Done(int organizationId) => new(organizationId, []);

    /// <summary>Refused for these problems.</summary>
    public static OrganizationChangeResult Refused(params Problem[] problems) => new(null, problems);
}

/// <summary>
/// Changes to an organisation that a module may ask the directory for (the elections module rolls a committee and its term
/// forward); the directory stays the owner of organisations and posts. Each change is allowed only to a user who manages
/// the organisation, limited to the current agency (another agency's organisation reads as unknown), checked by
/// <see cref="OrganizationChangeRules"/>, saved at once and audited with the module and the reason. An ended post keeps
/// its record (<see cref="PostInfo.Until"/>). Problems name the field of the change (<c>OrganizationId</c>, <c>Start</c>,
/// <c>End</c>, <c>Date</c>, <c>TermEnd</c>, <c>Posts</c>, <c>MemberId</c>, <c>Reason</c>) and carry their message in the
/// user's language already. Since 1.5.0.
/// </summary>
public interface IOrganizationChanges
{
    /// <summary>Sets an organisation's term: its start and end, within a year of the normal length (<see cref="OrganizationTerms"/>).</summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="change">The organisation, the term and the reason.</param>
    /// <param name="cancellationToken">Stops the change.</param>
    /// <returns>The organisation's id, or the problems (nothing saved).</returns>
    Task<OrganizationChangeResult> SetTermAsync(string moduleId, TermChange change, CancellationToken cancellationToken = default);

    /// <summary>Gives a member a post from <paramref name="since"/> (the member must be a full member of the organisation or of one under it; one secretary).</summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="organizationId">The organisation.</param>
    /// <param name="post">Who and which post.</param>
    /// <param name="since">The first day in post.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Stops the change.</param>
    Task<OrganizationChangeResult> AssignPostAsync(string moduleId, int organizationId, PostAssignment post, DateOnly since, string reason, CancellationToken cancellationToken = default);

    /// <summary>Ends a member's post on <paramref name="until"/> (the last day held); the post stays on record.</summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="organizationId">The organisation.</param>
    /// <param name="post">Who and which post (one held now).</param>
    /// <param name="until">The last day in post.</param>
    /// <param name="reason">Why; required.</param>
    /// <param name="cancellationToken">Stops the change.</param>
    Task<OrganizationChangeResult> EndPostAsync(string moduleId, int organizationId, PostAssignment post, DateOnly until, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rolls an organisation forward after an election, all or nothing: every current post ends the day before the election,
    /// the new committee's posts start on its day, and the term runs from it to <see cref="CommitteeRenewal.TermEnd"/>.
    /// </summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="renewal">The organisation, the day, the new posts, the term's end and the reason.</param>
    /// <param name="cancellationToken">Stops the change.</param>
    /// <returns>The organisation's id, or the problems (nothing saved).</returns>
    Task<OrganizationChangeResult> RenewCommitteeAsync(string moduleId, CommitteeRenewal renewal, CancellationToken cancellationToken = default);
}

/// <summary>
/// The term rule (换届): an agency committee serves 5 years, a general branch and a branch 3; with the higher committee's
/// approval a term may be lengthened or shortened by at most one year. Party groups have no term. Since 1.5.0.
/// </summary>
public static class OrganizationTerms
{
    /// <summary>The normal length in years: 5 for the agency committee, 3 for a general branch or branch; 0 for a Party group (no term).</summary>
    public static int Years(OrganizationKind kind) => kind switch
    {
        OrganizationKind.AgencyCommittee => 5,
        OrganizationKind.GeneralBranch or OrganizationKind.Branch => 3,
        _ => 0,
    };

    /// <summary>The normal end of a term starting on <paramref name="start"/>: the same date <see cref="Years"/> later.</summary>
    public static DateOnly NormalEnd(OrganizationKind kind, DateOnly start) => start.AddYears(Years(kind));

    /// <summary>The earliest end allowed (shortened by one year, to the same date).</summary>
    public static DateOnly EarliestEnd(OrganizationKind kind, DateOnly start) => NormalEnd(kind, start).AddYears(-1);

    /// <summary>The latest end allowed (lengthened by one year, to the same date): one day more is refused.</summary>
    public static DateOnly LatestEnd(OrganizationKind kind, DateOnly start) => NormalEnd(kind, start).AddYears(1);

    /// <summary>
    /// What is wrong with a term of an organisation of <paramref name="kind"/> from <paramref name="start"/> to
    /// <paramref name="end"/>: a Party group (no term), an end not after the start, or an end more than a year before or
    /// after the normal end. Problems on <c>End</c> (and <c>OrganizationId</c>), English keys with arguments.
    /// </summary>
    public static IEnumerable<Problem> Check(OrganizationKind kind, DateOnly start, DateOnly end)
    {
        if (Years(kind) == 0) { yield return new(nameof(TermChange.OrganizationId), "A Party group has no term of its own."); yield break; }
        if (end <= start) yield return new(nameof(TermChange.End), "The term must end after it starts.");
        else if (end < EarliestEnd(kind, start) || end > LatestEnd(kind, start))
            yield return new(nameof(TermChange.End), "A term of {0} years may be lengthened or shortened by at most one year: it ends from {1:yyyy-MM-dd} to {2:yyyy-MM-dd}.",
                Years(kind), EarliestEnd(kind, start), LatestEnd(kind, start));
    }
}

/// <summary>
/// The checks of <see cref="IOrganizationChanges"/> that every directory applies alike (the host's and the test kit's), as
/// problems on the change's fields with English message keys. Since 1.5.0.
/// </summary>
public static class OrganizationChangeRules
{
    /// <summary>The largest committee (支委会 of 3 to 5, at most 7; an agency committee's is larger).</summary>
    public static int MaxCommittee(OrganizationKind kind) => kind == OrganizationKind.AgencyCommittee ? 15 : 7;

    /// <summary>
    /// Who may change what: an unknown organisation (or another agency's, which a directory does not find) is refused as
    /// unknown; so is a user who does not manage it; a change needs a reason.
    /// </summary>
    /// <param name="organization">The organisation as the directory found it in the current agency; null when not found.</param>
    /// <param name="scope">What the signed-in user sees and manages.</param>
    /// <param name="reason">The reason given.</param>
    public static List<Problem> Access(OrganizationInfo? organization, DataScope scope, string? reason)
    {
        var problems = new List<Problem>();
        if (organization is null) problems.Add(new(nameof(TermChange.OrganizationId), "There is no such organisation in this agency."));
        else if (!scope.CanSeeOrganization(organization.Id)) problems.Add(new(nameof(TermChange.OrganizationId), "You do not manage this organisation."));
        if (string.IsNullOrWhiteSpace(reason)) problems.Add(new(nameof(TermChange.Reason), "Give the reason for the change."));
        return problems;
    }

    /// <summary>
    /// A post for <paramref name="member"/>: a full member on the roster, of the organisation or one under it
    /// (<paramref name="belongs"/>), a known post.
    /// </summary>
    public static List<Problem> Post(PostAssignment post, MemberInfo? member, bool belongs)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(post.Post)) problems.Add(new(nameof(PostAssignment.Post), "Choose the post from the list."));
        if (member is null || !belongs) problems.Add(new(nameof(PostAssignment.MemberId), "Choose a member of this organisation."));
        else if (!member.CanVote) problems.Add(new(nameof(PostAssignment.MemberId), "Only a full member on the roster can hold a post."));
        return problems;
    }

    /// <summary>
    /// A new committee: one secretary; each named post (all but <see cref="CommitteePost.CommitteeMember"/>) once; each
    /// member once; at most <see cref="MaxCommittee"/> members; the election not in the future; and the term from the
    /// election day to <see cref="CommitteeRenewal.TermEnd"/> passing <see cref="OrganizationTerms.Check"/>.
    /// </summary>
    public static List<Problem> Renewal(OrganizationKind kind, CommitteeRenewal renewal, DateOnly today)
    {
        var problems = new List<Problem>();
        if (renewal.Date > today) problems.Add(new(nameof(CommitteeRenewal.Date), "The date cannot be in the future."));
        var posts = renewal.Posts ?? [];
        if (posts.Count(p => p.Post == CommitteePost.Secretary) != 1)
            problems.Add(new(nameof(CommitteeRenewal.Posts), "The committee has one secretary."));
        else if (posts.Where(p => p.Post != CommitteePost.CommitteeMember).GroupBy(p => p.Post).Any(g => g.Count() > 1))
            problems.Add(new(nameof(CommitteeRenewal.Posts), "Each post but committee member is held by one member."));
        if (posts.GroupBy(p => p.MemberId).Any(g => g.Count() > 1))
            problems.Add(new(nameof(CommitteeRenewal.Posts), "A member holds one post of the committee."));
        if (posts.Count > MaxCommittee(kind))
            problems.Add(new(nameof(CommitteeRenewal.Posts), "The committee has at most {0} members.", MaxCommittee(kind)));
        problems.AddRange(OrganizationTerms.Check(kind, renewal.Date, renewal.TermEnd)
            .Select(p => p.Field == nameof(TermChange.End) ? p with { Field = nameof(CommitteeRenewal.TermEnd) } : p));
        return problems;
    }
}
