namespace Modular.Modules.Development.Services;

/// <summary>
/// Records a step of a case: checks the gates (<see cref="StepRules"/>) against the directory's facts, saves the step with
/// its named people and files in one transaction, keeps the case's list figures, and moves the person's stage in the
/// directory when a stage is complete. Nothing is saved when a rule refuses.
/// </summary>
public sealed class CaseRecorder(DevelopmentDbContext db, IDirectory directory, PeopleLookup people, ICurrentMember member, IAgencyClock clock,
    StepAttachments attachments, IMemberChanges changes)
{
    /// <summary>The outcome: the case's id when saved, or the problems (field names as in <see cref="StepEntry"/>).</summary>
    public sealed record Result(int? CaseId, IReadOnlyList<Problem> Problems)
    {
        public bool Saved => CaseId is not null && Problems.Count == 0;
    }

    /// <summary>A case's history for the rules, from its steps in the order they were recorded.</summary>
    public static CaseHistory HistoryOf(IEnumerable<CaseStep> steps) => new(steps.OrderBy(s => s.Id).Select(s => new RecordedStep(
        s.Step, s.Date, !string.IsNullOrWhiteSpace(s.Conclusion), s.TrainingDays, s.TrainingHours, s.Outcome, s.ExtensionMonths)).ToList());

    /// <summary>Opens a case with the application (step 1) of a person on the roster at the applicant stage.</summary>
    public async Task<Result> OpenAsync(int memberId, StepEntry entry, int? actorId, IReadOnlyCollection<FileUpload> files, CancellationToken ct = default)
    {
        if (await people.MemberAsync(memberId, ct) is not { } person || !PeopleLookup.IsOnRoster(person))
            return Refused("MemberId", "Choose a person on the roster.");
        if (!Roster.IsApplicant(person))
            return Refused("MemberId", "Only a person at the applicant stage in the directory can be entered: change the stage in the directory first if it is wrong.");
        if (await db.Cases.AnyAsync(c => c.MemberId == memberId, ct))
            return Refused("MemberId", "This person's development is already recorded.");
        var branch = await people.BranchOfAsync(memberId, ct) ?? person.OrganizationId;
        var c = new DevelopmentCase { MemberId = memberId, OrganizationId = branch, CreatedAt = clock.UtcNow.UtcDateTime, AppliedOn = entry.Date ?? default };
        return await RecordAsync(c, entry with { Step = Steps.Application }, actorId, files, ct);
    }

    /// <summary>Records the next step of an existing case (loaded with its steps, tracked); <paramref name="version"/> is the case version the form read.</summary>
    public async Task<Result> RecordAsync(DevelopmentCase c, long version, StepEntry entry, int? actorId, IReadOnlyCollection<FileUpload> files, CancellationToken ct = default)
    {
        if (c.Version != version) return new(null, [Problem.Stale()]);
        return await RecordAsync(c, entry, actorId, files, ct);
    }

    private async Task<Result> RecordAsync(DevelopmentCase c, StepEntry entry, int? actorId, IReadOnlyCollection<FileUpload> files, CancellationToken ct)
    {
        var history = HistoryOf(c.Steps);
        var named = (entry.Mentors ?? []).Concat(entry.Sponsors ?? []).Where(id => id > 0).ToList();
        var known = await people.NamesAsync(named, ct);
        int? age = entry.Step == Steps.Application && entry.Date is { } applied ? await directory.AgeOnAsync(c.MemberId, applied, ct) : null;
        var context = new StepContext(c.MemberId, age, id => known.TryGetValue(id, out var m) && Roster.IsFullMember(m) && PeopleLookup.IsOnRoster(m));
        var problems = StepRules.Check(history, entry, context, clock.Today).ToList();
        if (actorId is { } actor && !await people.ExistsAsync(actor, ct)) problems.Add(new Problem("ActorId", "Choose a member of the agency."));
        if (problems.Count > 0) return new(null, problems);

        var step = ToStep(entry, actorId, await member.IdAsync(ct), clock.UtcNow.UtcDateTime);
        c.Steps.Add(step);
        var after = HistoryOf(c.Steps);
        Summarise(c, after);
        if (c.Id == 0) db.Cases.Add(c);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return new(null, [Problem.Stale()]);
            }
            var fields = Steps.Get(entry.Step).Fields;
            if (fields.HasFlag(StepFields.Mentors))
                foreach (var id in (entry.Mentors ?? []).Distinct()) db.Helpers.Add(new CaseHelper { CaseId = c.Id, MemberId = id, Role = HelperRole.Mentor });
            if (fields.HasFlag(StepFields.Sponsors))
                foreach (var id in (entry.Sponsors ?? []).Distinct()) db.Helpers.Add(new CaseHelper { CaseId = c.Id, MemberId = id, Role = HelperRole.Sponsor });
            await db.SaveChangesAsync(ct);
            if (files.Count > 0) await attachments.SaveAsync(step.Id, files, db, ct);
            await tx.CommitAsync(ct);
        }
        // The directory is asked after the step is saved (its own unit of work: on SQLite two open write transactions
        // would wait on each other); when it refuses, the step is taken back, so nothing of it stays.
        if (Roster.StageAfter(entry.Step, after, step.Date) is { } change)
        {
            var refused = await ChangeStageAsync(c.MemberId, change.Stage, change.Date, entry.Step, ct);
            if (refused.Count > 0)
            {
                await UndoAsync(c.Id, step.Id, ct);
                return new(null, refused);
            }
        }
        return new(c.Id, []);
    }

    /// <summary>Takes back a step just saved (one that moves the stage, so it names nobody): its files and itself; the case's figures as before.</summary>
    private async Task UndoAsync(int caseId, int stepId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var c = await db.Cases.Include(x => x.Steps).FirstAsync(x => x.Id == caseId, ct);
        await attachments.RemoveAllAsync(stepId, db, ct);
        c.Steps.RemoveAll(s => s.Id == stepId);
        db.Steps.Remove(await db.Steps.FirstAsync(s => s.Id == stepId, ct));
        Summarise(c, HistoryOf(c.Steps));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The one place the module changes the directory: the person's stage after a completed stage, with the step and its
    /// date. The directory keeps the person and audits the change; this module never writes its tables.
    /// </summary>
    private async Task<IReadOnlyList<Problem>> ChangeStageAsync(int memberId, MemberStage stage, DateOnly date, int step, CancellationToken ct)
    {
        var result = await changes.ChangeStageAsync(DevelopmentModule.Id, new StageChange(memberId, stage, date, $"development step {step}: {Steps.Get(step).Name}"), ct);
        // The directory names its own fields; on this page they belong to the step's date.
        return result.Problems.Select(p => p with { Field = nameof(StepEntry.Date) }).ToList();
    }

    /// <summary>The step to save for an entry the rules passed (only the step's own typed fields are kept).</summary>
    public static CaseStep ToStep(StepEntry e, int? actorId, int? recordedBy, DateTime recordedAt)
    {
        var def = Steps.Get(e.Step);
        return new CaseStep
        {
            Step = e.Step,
            Date = e.Date!.Value,
            ActorMemberId = actorId,
            Note = string.IsNullOrWhiteSpace(e.Note) ? null : e.Note.Trim(),
            Conclusion = def.Fields.HasFlag(StepFields.Conclusion) ? e.Conclusion?.Trim() : null,
            TrainingDays = def.Fields.HasFlag(StepFields.Training) ? e.TrainingDays : null,
            TrainingHours = def.Fields.HasFlag(StepFields.Training) ? e.TrainingHours : null,
            VoteEntitled = def.Fields.HasFlag(StepFields.Vote) ? e.Vote?.Entitled : null,
            VotePresent = def.Fields.HasFlag(StepFields.Vote) ? e.Vote?.Present : null,
            VoteFor = def.Fields.HasFlag(StepFields.Vote) ? e.Vote?.For : null,
            VoteAgainst = def.Fields.HasFlag(StepFields.Vote) ? e.Vote?.Against ?? 0 : null,
            VoteAbstain = def.Fields.HasFlag(StepFields.Vote) ? e.Vote?.Abstain ?? 0 : null,
            MeetingKind = def.Fields.HasFlag(StepFields.Vote) ? e.Meeting?.Kind : null,
            MeetingId = def.Fields.HasFlag(StepFields.Vote) ? e.Meeting?.Id : null,
            MeetingTitle = def.Fields.HasFlag(StepFields.Vote) ? e.Meeting?.Title : null,
            Outcome = def.Fields.HasFlag(StepFields.Outcome) ? e.Outcome : null,
            ExtensionMonths = def.Fields.HasFlag(StepFields.Outcome) && e.Outcome == ProbationOutcome.Extend ? e.ExtensionMonths : null,
            RecordedByMemberId = recordedBy,
            RecordedAt = recordedAt,
        };
    }

    /// <summary>Keeps the case's list figures (stage, status, last step, the deadline) in step with its history.</summary>
    public static void Summarise(DevelopmentCase c, CaseHistory history)
    {
        var last = history.Last!;
        c.LastStep = last.Step;
        c.LastStepDate = last.Date;
        c.Stage = Steps.Get(last.Step).Stage;
        c.Status = history.Status;
        c.AppliedOn = history.Latest(Steps.Application)?.Date ?? c.AppliedOn;
        var deadline = Deadlines.Of(history);
        c.DueStep = deadline?.Step;
        c.DueDate = deadline?.Due;
        c.DueLimit = deadline?.Limit;
    }

    private static Result Refused(string field, string message) => new(null, [new Problem(field, message)]);
}
