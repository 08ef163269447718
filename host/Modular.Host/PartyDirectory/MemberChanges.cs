using Microsoft.EntityFrameworkCore;
using Modular.Host.Localization;
using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

/// <summary>
/// The SDK's member changes (<see cref="IMemberChanges"/>): a module moves a person's stage or situation, or puts a new
/// applicant on the roster, under the directory's rules and the user's scope, in the current agency; each attempt, done
/// or refused, is audited with the module, the date and the reason.
/// </summary>
/// <remarks>
/// The age checks use the birth date on file: the gate must hold for whoever records the step (the secretary who
/// develops the person knows their age; no date is echoed in the message).
/// </remarks>
public sealed class MemberChanges(DirectoryDbContext db, DirectoryService directory, IAuditLog audit, IAgencyClock clock, IText text) : IMemberChanges
{
    public async Task<MemberChangeResult> ChangeStageAsync(string moduleId, StageChange change, CancellationToken ct = default)
    {
        var (member, problems) = await FindAsync(change.MemberId, change.Reason, mayBeOffRoster: false, ct);
        var from = member?.Stage;
        if (problems.Count == 0)
        {
            problems = MemberChangeRules.Stage(member!.StageDates(member.BirthDate), change, clock.Today, out var moved);
            if (problems.Count == 0)
            {
                member.SetStageDates(moved);
                problems = await SaveAsync(ct);
            }
        }
        return await AuditedAsync("member.stage-change", moduleId, change.MemberId, $"{from} → {change.Stage}", change.Date, change.Reason, problems, ct);
    }

    public async Task<MemberChangeResult> ChangeSituationAsync(string moduleId, SituationChange change, CancellationToken ct = default)
    {
        var (member, problems) = await FindAsync(change.MemberId, change.Reason, mayBeOffRoster: true, ct);
        var from = member?.Situation;
        if (problems.Count == 0) problems = MemberChangeRules.Situation(change, clock.Today);
        if (problems.Count == 0)
        {
            member!.Situation = change.Situation;
            member.SituationSince = change.Situation == MemberSituation.Normal ? null : change.Date;
            problems = await SaveAsync(ct);
        }
        return await AuditedAsync("member.situation-change", moduleId, change.MemberId, $"{from} → {change.Situation}", change.Date, change.Reason, problems, ct);
    }

    public async Task<MemberChangeResult> AddApplicantAsync(string moduleId, NewApplicant applicant, CancellationToken ct = default)
    {
        var problems = MemberChangeRules.Applicant(applicant, clock.Today);
        var scope = await directory.GetCurrentScopeAsync(ct);
        var org = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == applicant.OrganizationId, ct);
        if (org is null || org.Kind == OrganizationKind.PartyGroup) problems.Add(new(nameof(NewApplicant.OrganizationId), "Choose an organisation in your care."));
        else if (!scope.CanSeeOrganization(org.Id)) problems.Add(new(nameof(NewApplicant.OrganizationId), "You do not manage the members of this organisation."));
        var member = new Member { OrganizationId = applicant.OrganizationId, Name = applicant.Name?.Trim() ?? "", Gender = applicant.Gender, BirthDate = applicant.BirthDate };
        if (problems.Count == 0)
        {
            member.SetStageDates(MemberChangeRules.NewApplicantDates(applicant));
            db.Members.Add(member);
            problems = await SaveAsync(ct);
        }
        // The name is not personal data of the masked kind; the audit line names who was added, as the edit form's does.
        return await AuditedAsync("member.add-applicant", moduleId, member.Id, member.Name, applicant.ApplicationDate, "", problems, ct);
    }

    // Found in the current agency only (the context's filter): another agency's id reads as unknown.
    private async Task<(Member? Member, List<Problem> Problems)> FindAsync(int memberId, string? reason, bool mayBeOffRoster, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, ct);
        var problems = MemberChangeRules.Access(member is null ? null : DirectoryService.ToInfo(member), await directory.GetCurrentScopeAsync(ct), reason, mayBeOffRoster);
        return (member, problems);
    }

    private async Task<List<Problem>> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            // What this request's directory read before the change is stale now.
            directory.Forget();
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [Problem.Stale()];
        }
    }

    private async Task<MemberChangeResult> AuditedAsync(string action, string moduleId, int memberId, string what, DateOnly date, string reason,
        List<Problem> problems, CancellationToken ct)
    {
        var outcome = problems.Count == 0 ? "" : "; refused: " + string.Join(" ", problems.Select(p => p.Message));
        await audit.WriteAsync(action, $"Directory.Member#{memberId}",
            $"module {moduleId}: {what}, {date:yyyy-MM-dd}; reason: {Shorten(reason)}{outcome}", problems.Count == 0, ct);
        if (problems.Count == 0) return MemberChangeResult.Done(memberId);
        // The module shows these as they are: they are the directory's messages, in the user's language.
        return new(null, problems.Select(p => p.Message == Problem.StaleKey ? p : new Problem(p.Field, text[p.Message, p.Args])).ToList());
    }

    private static string Shorten(string? reason) => reason is null ? "" : reason.Length <= 200 ? reason : reason[..200] + "…";
}
