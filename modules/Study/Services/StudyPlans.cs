namespace Modular.Modules.Study.Services;

/// <summary>Plans and sessions: who a session's attendance is taken from, and how a plan stands.</summary>
public sealed class StudyPlans(StudyDbContext db, IDirectory directory, PeopleLookup people, IAgencyClock clock)
{
    /// <summary>The branches a plan may belong to.</summary>
    public async Task<IReadOnlyList<OrganizationInfo>> BranchesAsync(CancellationToken ct) =>
        (await people.OrganizationsAsync(ct)).Where(o => o.Kind is OrganizationKind.Branch or OrganizationKind.GeneralBranch).ToList();

    /// <summary>Expected at a session: the branch's Party members; for the central study group the agency's leading cadres (or, with none marked, every Party member).</summary>
    public async Task<IReadOnlyList<MemberInfo>> RosterAsync(StudyPlan plan, CancellationToken ct)
    {
        if (plan.Owner == PlanOwner.Branch)
            return (await directory.FindMembersAsync(MemberQuery.PartyMembers with { OrganizationId = plan.OrganizationId }, ct)).OrderBy(m => m.Id).ToList();
        var all = await directory.FindMembersAsync(MemberQuery.PartyMembers, ct);
        var cadres = all.Where(m => m.IsLeadingCadre).ToList();
        return (cadres.Count > 0 ? cadres : all).OrderBy(m => m.Id).ToList();
    }

    public async Task<IReadOnlyList<PlanRules.MonthProgress>> ProgressAsync(StudyPlan plan, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.PlanId == plan.Id).Select(s => new { s.Date, s.PlanItemId }).ToListAsync(ct);
        return PlanRules.Progress(plan.Year, plan.Items.Select(i => (i.Month, i.Id, i.Topic)), sessions.Select(s => (s.Date, s.PlanItemId)), clock.Today);
    }
}
