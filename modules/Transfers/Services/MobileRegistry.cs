namespace Modular.Modules.Transfers.Services;

/// <summary>
/// The registry of mobile members. Registering sets the member's situation to mobile in the directory (they keep their
/// stage and still count in their branch); lost contact is its own situation with its date; coming back ends the entry
/// and sets them back to normal. The directory audits each situation change.
/// </summary>
public sealed class MobileRegistry(TransfersDbContext db, IMemberChanges changes, IDirectory directory, IAgencyClock clock, IStringLocalizer<TransfersModule> T)
{
    public sealed record Entry(int? MemberId, string? Place, DateOnly? Since, string? Contact, string? ManagingOrganization, string? CertificateNumber, DateOnly? CertificateIssuedOn);

    public async Task<(int? Id, IReadOnlyList<Problem> Problems)> SaveAsync(MobileMember? existing, Entry entry, CancellationToken ct)
    {
        var problems = MobileRules.Entry(entry.Place, entry.Since, entry.Contact, entry.ManagingOrganization, entry.CertificateNumber, entry.CertificateIssuedOn, clock.Today);
        MemberInfo? member = null;
        if (existing is null)
        {
            member = entry.MemberId is { } id ? await directory.GetMemberAsync(id, ct) : null;
            if (member is null || !member.IsOnRoster) problems.Add(new("MemberId", "Choose the member."));
            else if (await db.MobileMembers.AnyAsync(m => m.MemberId == member.Id && m.EndedOn == null, ct)) problems.Add(new("MemberId", "The member is already registered as mobile."));
        }
        if (problems.Count > 0) return (null, problems);
        if (member is { Situation: MemberSituation.Normal })
        {
            var changed = await changes.ChangeSituationAsync(TransfersModule.Id, new SituationChange(member.Id, MemberSituation.Mobile, entry.Since!.Value,
                T["Registered as a mobile member: {0}", entry.Place!.Trim()]), ct);
            if (!changed.Succeeded) return (null, changed.Problems);
        }
        var row = existing ?? new MobileMember { MemberId = member!.Id };
        row.Place = entry.Place!.Trim();
        row.Since = entry.Since!.Value;
        row.Contact = Clean(entry.Contact);
        row.ManagingOrganization = Clean(entry.ManagingOrganization);
        row.CertificateNumber = Clean(entry.CertificateNumber);
        row.CertificateIssuedOn = entry.CertificateIssuedOn;
        if (existing is null) db.MobileMembers.Add(row);
        var saved = await SaveAsync(ct);
        return saved.Count == 0 ? (row.Id, []) : (null, saved);
    }

    public async Task<IReadOnlyList<Problem>> AddAttemptAsync(MobileMember entry, DateOnly? date, ContactWay way, bool reached, string? result, CancellationToken ct)
    {
        var problems = MobileRules.Attempt(date, entry.Since, result, clock.Today);
        if (!Enum.IsDefined(way)) problems.Add(new("Way", "Choose from the list."));
        if (problems.Count > 0) return problems;
        db.Attempts.Add(new ContactAttempt { MobileMemberId = entry.Id, Date = date!.Value, Way = way, Reached = reached, Result = result!.Trim() });
        return await SaveAsync(ct);
    }

    /// <summary>Marks the member as out of contact since <paramref name="date"/> (失联), a situation of its own in the directory.</summary>
    public async Task<IReadOnlyList<Problem>> LostContactAsync(MobileMember entry, DateOnly? date, CancellationToken ct)
    {
        var problems = MobileRules.LostContact(date, entry.Since, clock.Today);
        if (problems.Count > 0) return problems.Select(p => p with { Field = "LostSince" }).ToList();
        var changed = await changes.ChangeSituationAsync(TransfersModule.Id, new SituationChange(entry.MemberId, MemberSituation.LostContact, date!.Value,
            T["Out of contact"]), ct);
        if (!changed.Succeeded) return changed.Problems;
        entry.LostContactSince = date;
        return await SaveAsync(ct);
    }

    /// <summary>Contact found again: mobile as before.</summary>
    public async Task<IReadOnlyList<Problem>> FoundAsync(MobileMember entry, CancellationToken ct)
    {
        var changed = await changes.ChangeSituationAsync(TransfersModule.Id, new SituationChange(entry.MemberId, MemberSituation.Mobile, clock.Today, T["Contact found again"]), ct);
        if (!changed.Succeeded) return changed.Problems;
        entry.LostContactSince = null;
        return await SaveAsync(ct);
    }

    /// <summary>Back in the branch: the entry ends and the member is normal again.</summary>
    public async Task<IReadOnlyList<Problem>> EndAsync(MobileMember entry, DateOnly? date, CancellationToken ct)
    {
        if (date is null) return [new("EndedOn", "Enter the date.")];
        if (date > clock.Today) return [new("EndedOn", "The date cannot be in the future.")];
        if (date < entry.Since) return [new("EndedOn", "The member cannot come back before leaving ({0:yyyy-MM-dd}).", entry.Since)];
        var changed = await changes.ChangeSituationAsync(TransfersModule.Id, new SituationChange(entry.MemberId, MemberSituation.Normal, date.Value, T["Back from working away"]), ct);
        if (!changed.Succeeded) return changed.Problems;
        (entry.EndedOn, entry.LostContactSince) = (date, null);
        return await SaveAsync(ct);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private Task<IReadOnlyList<Problem>> SaveAsync(CancellationToken ct) => db.SaveOrStaleAsync(ct);
}
