namespace Modular.Modules.Elections.Services;

/// <summary>
/// Demo data for one agency, consistent with the directory's demo terms and posts: the election that began the current
/// term of the organisation whose term runs longest (done: request, reply, candidates, count); an election planned, its
/// request sent, for the first organisation whose term ends within the reminder window; an overdue term left unplanned
/// (the directory's demo has one), so the to-do centre shows it. The directory itself is not changed.
/// </summary>
public sealed class ElectionsSeeder(ElectionsDbContext db, IDirectory directory, PeopleLookup people, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => ElectionsModule.Id;

    public async Task SeedAsync(int seed, CancellationToken ct)
    {
        if (await db.Elections.AnyAsync(ct)) return;
        var random = new Random(seed);
        var today = clock.Today;
        var now = clock.UtcNow.UtcDateTime;
        var orgs = (await people.OrganizationsAsync(ct)).Where(o => o.Kind != OrganizationKind.PartyGroup && o.TermStart is not null && o.TermEnd is not null).ToList();

        if (orgs.Where(o => o.TermStart <= today).MaxBy(o => o.TermEnd) is { } done && (await directory.GetPostsAsync(done.Id, ct)) is { Count: > 0 } posts)
        {
            var heldOn = done.TermStart!.Value;
            var voters = (await directory.FindMembersAsync(MemberQuery.Voters with { OrganizationId = done.Id }, ct)).Where(m => ElectionMeetings.EntitledOn(m, heldOn)).ToList();
            var entitled = Math.Max(voters.Count, posts.Count);
            var present = entitled - (entitled >= 10 ? 1 : 0);
            var e = new Election
            {
                OrganizationId = done.Id, Status = ElectionStatus.Completed, Seats = posts.Count, PlannedOn = heldOn, RequestedOn = heldOn.AddDays(-45),
                RepliedOn = heldOn.AddDays(-30), Approved = true, HeldOn = heldOn, Entitled = entitled, Present = present,
                TermStart = heldOn, TermEnd = done.TermEnd, CreatedAt = now,
            };
            e.Steps.Add(new ElectionStep { Kind = StepKind.Request, Date = heldOn.AddDays(-45), Note = "关于召开党员大会进行换届选举的请示", RecordedAt = now });
            e.Steps.Add(new ElectionStep { Kind = StepKind.Reply, Date = heldOn.AddDays(-30), Approved = true, Note = "同意换届，同意委员候选人预备人选", RecordedAt = now });
            foreach (var p in posts.DistinctBy(p => p.MemberId))
                e.Candidates.Add(new Candidate { MemberId = p.MemberId, VotesFor = present - random.Next(0, 2), Elected = true, Post = p.Post });
            if (voters.FirstOrDefault(v => posts.All(p => p.MemberId != v.Id)) is { } other)
                e.Candidates.Add(new Candidate { MemberId = other.Id, VotesFor = entitled / 2 - 1 < 0 ? 0 : entitled / 2 - 1 });
            db.Elections.Add(e);
        }

        if (orgs.Where(o => ElectionDeadlines.Term(o.TermEnd, today) == TermState.Due).MinBy(o => o.TermEnd) is { } due)
        {
            var full = await directory.CountMembersAsync(MemberQuery.Voters with { OrganizationId = due.Id }, ct);
            var e = new Election
            {
                OrganizationId = due.Id, Seats = ElectionRules.Seats(due.Kind, full).Min, PlannedOn = due.TermEnd!.Value.AddDays(-10),
                TermEndBefore = due.TermEnd, RequestedOn = today.AddDays(-12), CreatedAt = now,
            };
            e.Steps.Add(new ElectionStep { Kind = StepKind.Request, Date = today.AddDays(-12), Note = "关于进行换届选举的请示", RecordedAt = now });
            db.Elections.Add(e);
        }
        await db.SaveChangesAsync(ct);
    }
}
