namespace Modular.Modules.Elections.Services;

/// <summary>What a change came to: the election (or organisation) id, or the problems (nothing saved).</summary>
public sealed record Outcome(int? Id, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
    public static Outcome Refused(IEnumerable<Problem> problems) => new(null, problems.ToList());
    public static Outcome Refused(string field, string message, params object[] args) => new(null, [new Problem(field, message, args)]);
}

/// <summary>
/// Records an election's steps under the rules: the plan, the request and reply with their files, the candidates, and the
/// meeting's count, which rolls the committee and the term forward in the directory (<see cref="IOrganizationChanges"/>)
/// or records nothing; and a term lengthened or shortened with approval. The caller has checked the user runs the
/// organisation (<see cref="ElectionAccess.RunsAsync"/>).
/// </summary>
public sealed class ElectionRecorder(ElectionsDbContext db, IDirectory directory, IOrganizationChanges changes, ElectionMeetings meetings,
    ICurrentMember member, IAgencyClock clock, StepFiles stepFiles, TermFiles termFiles)
{
    public async Task<Outcome> PlanAsync(int organizationId, int? seats, DateOnly? plannedOn, CancellationToken ct = default)
    {
        if (await directory.GetOrganizationAsync(organizationId, ct) is not { } org) return Outcome.Refused("OrganizationId", "Choose an organisation in your care.");
        var full = await directory.CountMembersAsync(MemberQuery.Voters with { OrganizationId = organizationId }, ct);
        var open = await db.Elections.AnyAsync(e => e.OrganizationId == organizationId && e.Status == ElectionStatus.Open, ct);
        var problems = ElectionRules.Plan(org.Kind, full, seats, plannedOn, open);
        if (problems.Count > 0) return Outcome.Refused(problems);
        var election = new Election
        {
            OrganizationId = organizationId, Seats = seats!.Value, PlannedOn = plannedOn!.Value, TermEndBefore = org.TermEnd,
            CreatedAt = clock.UtcNow.UtcDateTime,
        };
        db.Elections.Add(election);
        await db.SaveChangesAsync(ct);
        return new(election.Id, []);
    }

    /// <summary>The request to the higher committee, or its reply (approving or not), with optional files.</summary>
    public async Task<Outcome> RecordStepAsync(Election election, long version, StepKind kind, DateOnly? date, bool? approved, string? note,
        IReadOnlyList<FileUpload> files, CancellationToken ct = default)
    {
        if (election.Status != ElectionStatus.Open) return Outcome.Refused("", "The election is closed.");
        var notBefore = kind == StepKind.Reply ? election.RequestedOn : null;
        var problems = ElectionRules.Step(date, clock.Today, notBefore, note);
        if (kind == StepKind.Reply && election.RequestedOn is null) problems.Add(new("Date", "Record the request before the reply."));
        if (kind == StepKind.Reply && approved is null) problems.Add(new("Approved", "Say whether the higher committee approved."));
        if (problems.Count > 0) return Outcome.Refused(problems);
        db.Entry(election).Property(e => e.Version).OriginalValue = version;
        var step = new ElectionStep
        {
            ElectionId = election.Id, Kind = kind, Date = date!.Value, Approved = kind == StepKind.Reply ? approved : null,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), RecordedByMemberId = await member.IdAsync(ct), RecordedAt = clock.UtcNow.UtcDateTime,
        };
        election.Steps.Add(step);
        if (kind == StepKind.Request) { election.RequestedOn = step.Date; election.RepliedOn = null; election.Approved = null; }
        else { election.RepliedOn = step.Date; election.Approved = approved; }
        // The step and its files commit together, or neither does.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await SaveAsync(election.Id, () => db.SaveChangesAsync(ct));
        if (!saved.Succeeded) return saved;
        if (files.Count > 0) await stepFiles.SaveAsync(step.Id, files, db, ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    public async Task<Outcome> AddCandidateAsync(Election election, int? memberId, CancellationToken ct = default)
    {
        if (election.Status != ElectionStatus.Open) return Outcome.Refused("", "The election is closed.");
        var eligible = await directory.FindMembersAsync(MemberQuery.Voters with { OrganizationId = election.OrganizationId }, ct);
        if (memberId is not { } id || eligible.All(m => m.Id != id)) return Outcome.Refused("CandidateId", "Only a full member of this organisation can be a candidate.");
        if (election.Candidates.Any(c => c.MemberId == id)) return Outcome.Refused("CandidateId", "Already a candidate.");
        election.Candidates.Add(new Candidate { ElectionId = election.Id, MemberId = id });
        await db.SaveChangesAsync(ct);
        return new(election.Id, []);
    }

    public async Task<Outcome> RemoveCandidateAsync(Election election, int memberId, CancellationToken ct = default)
    {
        if (election.Status != ElectionStatus.Open) return Outcome.Refused("", "The election is closed.");
        var c = election.Candidates.FirstOrDefault(x => x.MemberId == memberId);
        if (c is null) return Outcome.Refused("CandidateId", "Not a candidate.");
        db.Candidates.Remove(c);
        await db.SaveChangesAsync(ct);
        return new(election.Id, []);
    }

    public async Task<Outcome> CancelAsync(Election election, long version, CancellationToken ct = default)
    {
        if (election.Status != ElectionStatus.Open) return Outcome.Refused("", "The election is closed.");
        db.Entry(election).Property(e => e.Version).OriginalValue = version;
        election.Status = ElectionStatus.Cancelled;
        return await SaveAsync(election.Id, () => db.SaveChangesAsync(ct));
    }

    /// <summary>
    /// The election meeting: entitled counted from the directory on the meeting day (or from the linked meeting's
    /// attendees), present from the linked meeting or as entered; checked by <see cref="ElectionRules.Count"/>; then the
    /// directory rolls the committee and the term forward, and only then is the election recorded as completed. Any refusal
    /// records nothing.
    /// </summary>
    public async Task<Outcome> RecordMeetingAsync(Election election, long version, DateOnly? date, int? present, string? meetingId,
        IReadOnlyDictionary<int, int?> votes, IReadOnlyDictionary<int, CommitteePost?> posts, CancellationToken ct = default)
    {
        if (election.Status != ElectionStatus.Open) return Outcome.Refused("", "The election is closed.");
        if (election.Version != version) return Outcome.Refused([Problem.Stale()]);
        if (await directory.GetOrganizationAsync(election.OrganizationId, ct) is not { } org) return Outcome.Refused("", "The organisation is no longer in the directory.");
        ElectionMeetings.Found? linked = null;
        if (!string.IsNullOrWhiteSpace(meetingId))
        {
            linked = await meetings.FindAsync(meetingId.Trim(), election.OrganizationId, ct);
            if (linked is null) return Outcome.Refused("MeetingId", "Choose a meeting from the list.");
            date = linked.Record.Date;
            present = linked.Present ?? present;
        }
        var entitled = date is { } day ? linked?.Entitled ?? (await meetings.EntitledAsync(election.OrganizationId, day, ct)).Count : 0;
        var count = new MeetingCount(date, entitled, present,
            election.Candidates.Select(c => new CandidateCount(c.MemberId, votes.GetValueOrDefault(c.MemberId), posts.GetValueOrDefault(c.MemberId))).ToList());
        var result = ElectionRules.Count(count, new ElectionFacts(org.Kind, election.Seats, election.Approved == true ? election.RepliedOn : null), clock.Today);
        if (!result.Valid) return Outcome.Refused(result.Problems);

        var heldOn = date!.Value;
        var termEnd = OrganizationTerms.NormalEnd(org.Kind, heldOn);
        var renewal = new CommitteeRenewal(org.Id, heldOn, termEnd,
            count.Candidates.Where(c => result.Elected.Contains(c.MemberId)).Select(c => new PostAssignment(c.MemberId, c.Post!.Value)).ToList(),
            $"election #{election.Id}: {present} of {entitled} full members present");
        var rolled = await changes.RenewCommitteeAsync(ElectionsModule.Id, renewal, ct);
        if (!rolled.Succeeded) return Outcome.Refused(rolled.Problems.Select(p => p with { Field = "" }));

        election.Status = ElectionStatus.Completed;
        election.HeldOn = heldOn;
        election.Entitled = entitled;
        election.Present = present;
        election.MeetingKind = linked is null ? null : SharedRecordKinds.OrgLifeMeeting;
        election.MeetingId = linked?.Record.Id;
        election.MeetingTitle = linked?.Record.Title;
        election.TermStart = heldOn;
        election.TermEnd = termEnd;
        foreach (var c in election.Candidates)
        {
            c.VotesFor = votes.GetValueOrDefault(c.MemberId);
            c.Elected = result.Elected.Contains(c.MemberId);
            c.Post = c.Elected ? posts.GetValueOrDefault(c.MemberId) : null;
        }
        await db.SaveChangesAsync(ct);
        return new(election.Id, []);
    }

    /// <summary>A term lengthened or shortened with the higher committee's approval: recorded here, set in the directory.</summary>
    public async Task<Outcome> AdjustTermAsync(int organizationId, DateOnly? newEnd, DateOnly? approvedOn, string? approval, string? note,
        IReadOnlyList<FileUpload> files, CancellationToken ct = default)
    {
        if (await directory.GetOrganizationAsync(organizationId, ct) is not { } org) return Outcome.Refused("", "Choose an organisation in your care.");
        var problems = ElectionRules.TermAdjustment(org.Kind, org.TermStart, newEnd, approvedOn, approval, clock.Today);
        if (note?.Length > ElectionRules.NoteMaxLength) problems.Add(new("Note", "At most {0} characters.", ElectionRules.NoteMaxLength));
        if (problems.Count > 0) return Outcome.Refused(problems);
        var set = await changes.SetTermAsync(ElectionsModule.Id,
            new TermChange(org.Id, org.TermStart!.Value, newEnd!.Value, $"approved {approvedOn:yyyy-MM-dd}: {approval!.Trim()}"), ct);
        if (!set.Succeeded) return Outcome.Refused(set.Problems.Select(p => p with { Field = p.Field == nameof(TermChange.End) ? "NewEnd" : "" }));
        var row = new TermAdjustment
        {
            OrganizationId = org.Id, TermStart = org.TermStart.Value, EndBefore = org.TermEnd, NewEnd = newEnd.Value, ApprovedOn = approvedOn!.Value,
            Approval = approval.Trim(), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), RecordedByMemberId = await member.IdAsync(ct),
            RecordedAt = clock.UtcNow.UtcDateTime,
        };
        db.TermAdjustments.Add(row);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (files.Count > 0) await termFiles.SaveAsync(row.Id, files, db, ct);
        await tx.CommitAsync(ct);
        return new(org.Id, []);
    }

    private async Task<Outcome> SaveAsync(int id, Func<Task> save)
    {
        try
        {
            await save();
            return new(id, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused([Problem.Stale()]);
        }
    }
}
