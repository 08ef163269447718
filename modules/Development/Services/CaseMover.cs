namespace Modular.Modules.Development.Services;

/// <summary>
/// The person's development case moves with them (SDK <see cref="IMemberMovedHandler"/>): within the agency it follows
/// them to their new branch; to another agency it is copied there with its steps and taken out of this one. Ids of
/// this agency's people (who acted, who recorded, mentors and sponsors) mean nothing in the other one and are left
/// out; the notes and dates go along, and so do the steps' files (the application letter, the talk records …).
/// </summary>
public sealed class CaseMover(DevelopmentDbContext db, IFileStore files, StepAttachments stepFiles) : IMemberMovedHandler
{
    public string ModuleId => DevelopmentModule.Id;

    public async Task MovedAsync(MemberMove move, CancellationToken cancellationToken)
    {
        var source = await db.Cases.Include(c => c.Steps).FirstOrDefaultAsync(c => c.MemberId == move.FromMemberId, cancellationToken);
        if (source is null) return;
        if (move.IsWithinAgency)
        {
            source.OrganizationId = move.ToOrganizationId;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        var sourceSteps = source.Steps.OrderBy(s => s.Id).ToList();
        var copy = new DevelopmentCase
        {
            MemberId = move.ToMemberId, OrganizationId = move.ToOrganizationId, Stage = source.Stage, Status = source.Status, LastStep = source.LastStep,
            LastStepDate = source.LastStepDate, AppliedOn = source.AppliedOn, DueStep = source.DueStep, DueDate = source.DueDate, DueLimit = source.DueLimit,
            CreatedAt = source.CreatedAt,
            Steps = sourceSteps.Select(s => new CaseStep
            {
                Step = s.Step, Date = s.Date, Note = s.Note, Conclusion = s.Conclusion, TrainingDays = s.TrainingDays, TrainingHours = s.TrainingHours,
                VoteEntitled = s.VoteEntitled, VotePresent = s.VotePresent, VoteFor = s.VoteFor, VoteAgainst = s.VoteAgainst, VoteAbstain = s.VoteAbstain,
                MeetingTitle = s.MeetingTitle, Outcome = s.Outcome, ExtensionMonths = s.ExtensionMonths, RecordedAt = s.RecordedAt,
            }).ToList(),
        };
        using (move.AsReceivingAgency())
        {
            db.Cases.Add(copy);
            await db.SaveChangesAsync(cancellationToken);
        }
        // Each step's files follow the step's copy (same order), before the step itself goes.
        var keys = sourceSteps.Zip(copy.Steps).ToDictionary(p => stepFiles.OwnerKey(p.First.Id), p => stepFiles.OwnerKey(p.Second.Id));
        await files.MoveAllAsync(DevelopmentModule.Id, keys, move, db, cancellationToken);
        // Taken out here through the context, so that the host audits the removal.
        db.Helpers.RemoveRange(await db.Helpers.Where(h => h.CaseId == source.Id).ToListAsync(cancellationToken));
        db.Steps.RemoveRange(source.Steps);
        db.Cases.Remove(source);
        await db.SaveChangesAsync(cancellationToken);
    }
}
