namespace Modular.Sdk;

/// <summary>A member's move to another stage, with the date it took effect and why.</summary>
/// <param name="MemberId">The member, of the current agency.</param>
/// <param name="Stage">The stage they move to.</param>
/// <param name="Date">When it took effect: the branch committee's decision, the branch meeting's vote (入党日期), the end of probation (转正日期).</param>
/// <param name="Reason">Why, for the audit log and the member's history (such as the step of the development process); required.</param>
public sealed record StageChange(int MemberId, MemberStage Stage, DateOnly Date, string Reason);

/// <summary>A member's new situation (transferred out, probation cancelled, back from abroad …), with its date and why.</summary>
/// <param name="MemberId">The member, of the current agency.</param>
/// <param name="Situation">The new situation.</param>
/// <param name="Date">When it began.</param>
/// <param name="Reason">Why, for the audit log; required.</param>
public sealed record SituationChange(int MemberId, MemberSituation Situation, DateOnly Date, string Reason);

/// <summary>A person who applied in writing to join, to be put on the roster as an applicant.</summary>
/// <param name="Name">Their name.</param>
/// <param name="OrganizationId">The branch they applied to (not a Party group).</param>
/// <param name="ApplicationDate">The date of the written application (申请入党日期).</param>
/// <param name="BirthDate">Their date of birth, if known: the applicant must be at least 18 on the application date.</param>
/// <param name="Gender">Their gender, if known.</param>
public sealed record NewApplicant(string Name, int OrganizationId, DateOnly ApplicationDate, DateOnly? BirthDate = null, Gender Gender = Gender.Unknown);

/// <summary>What a change to the roster came to: the member's id, or the problems that refused it (nothing saved).</summary>
/// <param name="MemberId">The member changed or added; null when refused.</param>
/// <param name="Problems">Why it was refused; empty when done.</param>
public sealed record MemberChangeResult(int? MemberId, IReadOnlyList<Problem> Problems)
{
    /// <summary>Whether the change was made.</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>Done, for <paramref name="memberId"/>.</summary>
    public static MemberChangeResult Done(int memberId) => new(memberId, []);

    /// <summary>Refused for these problems.</summary>
    public static MemberChangeResult Refused(params Problem[] problems) => new(null, problems);
}

/// <summary>
/// Changes to the roster that a module may ask the directory for (the development module moves a person from stage to
/// stage); the directory stays the owner of the member record. Each change is checked by the directory's own rules
/// (the same as its edit form's: dates not in the future, at least 18 at application and admission, at least a year as
/// an activist, probation of one to two years), allowed only to a user who manages the member's organisation, limited
/// to the current agency, saved at once and audited with the module, the date and the reason. Problems name the field of
/// the change (<c>MemberId</c>, <c>Stage</c>, <c>Date</c>, <c>Reason</c>, <c>Name</c>, <c>OrganizationId</c>,
/// <c>BirthDate</c>) and carry their message in the user's language already, so <c>ModelState.AddProblems</c> shows it as it is.
/// </summary>
public interface IMemberChanges
{
    /// <summary>
    /// Moves a member to <see cref="StageChange.Stage"/>: forward one stage at a time (applicant → activist → candidate →
    /// probationary → full), or back among applicant, activist and candidate (a branch may drop an activist or a
    /// candidate). Becoming probationary sets the date of joining (入党日期), becoming full the date of full membership
    /// (转正日期); a probationary member leaves through <see cref="ChangeSituationAsync"/> (<see cref="MemberSituation.Left"/>).
    /// Refused for an unknown id or another agency's member (reported as unknown), a member off the roster, or a user who
    /// does not manage the member's organisation.
    /// </summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="change">The member, the new stage, its date and the reason.</param>
    /// <param name="cancellationToken">Stops the change.</param>
    /// <returns>The member's id, or the problems (nothing saved).</returns>
    Task<MemberChangeResult> ChangeStageAsync(string moduleId, StageChange change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a member's situation (mobile, abroad, back to normal, transferred out, left …). Same permission, agency and
    /// audit as <see cref="ChangeStageAsync"/>; the stage stays as it is.
    /// </summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="change">The member, the new situation, its date and the reason.</param>
    /// <param name="cancellationToken">Stops the change.</param>
    /// <returns>The member's id, or the problems (nothing saved).</returns>
    Task<MemberChangeResult> ChangeSituationAsync(string moduleId, SituationChange change, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts a new applicant on the roster of <see cref="NewApplicant.OrganizationId"/> (a branch of the current agency that
    /// the user manages), stage <see cref="MemberStage.Applicant"/>, situation normal.
    /// </summary>
    /// <param name="moduleId">The calling module's id, for the audit log.</param>
    /// <param name="applicant">Who applied, where and when.</param>
    /// <param name="cancellationToken">Stops the change.</param>
    /// <returns>The new member's id, or the problems (nothing saved).</returns>
    Task<MemberChangeResult> AddApplicantAsync(string moduleId, NewApplicant applicant, CancellationToken cancellationToken = default);
}

/// <summary>
/// The dates of a person's way in, and their date of birth, as the directory's rules check them. Each stage has its date:
/// application (申请入党), activist (确定为积极分子), candidate (确定为发展对象), joining (入党, the branch meeting's vote) and
/// full membership (转正).
/// </summary>
/// <param name="Stage">The stage the person is at.</param>
/// <param name="BirthDate">Date of birth, if known (and if the caller may use it).</param>
/// <param name="ApplicationDate">申请入党日期.</param>
/// <param name="ActivistDate">确定为入党积极分子日期.</param>
/// <param name="CandidateDate">确定为发展对象日期.</param>
/// <param name="JoinedDate">入党日期.</param>
/// <param name="FullMemberDate">转正日期.</param>
public sealed record StageDates(MemberStage Stage, DateOnly? BirthDate = null, DateOnly? ApplicationDate = null, DateOnly? ActivistDate = null,
    DateOnly? CandidateDate = null, DateOnly? JoinedDate = null, DateOnly? FullMemberDate = null)
{
    /// <summary>The date of <paramref name="stage"/>.</summary>
    public DateOnly? DateOf(MemberStage stage) => stage switch
    {
        MemberStage.Applicant => ApplicationDate,
        MemberStage.Activist => ActivistDate,
        MemberStage.DevelopmentCandidate => CandidateDate,
        MemberStage.ProbationaryMember => JoinedDate,
        _ => FullMemberDate,
    };

    /// <summary>At <paramref name="stage"/>: forward, with its date set to <paramref name="date"/>; back, with the later stages' dates cleared.</summary>
    public StageDates MovedTo(MemberStage stage, DateOnly date)
    {
        if (stage < Stage)
            return this with
            {
                Stage = stage,
                ActivistDate = stage >= MemberStage.Activist ? ActivistDate : null,
                CandidateDate = stage >= MemberStage.DevelopmentCandidate ? CandidateDate : null,
                JoinedDate = null, FullMemberDate = null,
            };
        return stage switch
        {
            MemberStage.Applicant => this with { Stage = stage, ApplicationDate = date },
            MemberStage.Activist => this with { Stage = stage, ActivistDate = date },
            MemberStage.DevelopmentCandidate => this with { Stage = stage, CandidateDate = date },
            MemberStage.ProbationaryMember => this with { Stage = stage, JoinedDate = date },
            _ => this with { Stage = stage, FullMemberDate = date },
        };
    }
}

/// <summary>The rules of stages and their dates that every directory applies alike (the host's and the test kit's).</summary>
public static class MemberStages
{
    /// <summary>The field of a stage's date in <see cref="StageDates"/> and in <see cref="Problem"/>s of <see cref="Check"/>.</summary>
    public static string DateField(MemberStage stage) => stage switch
    {
        MemberStage.Applicant => nameof(StageDates.ApplicationDate),
        MemberStage.Activist => nameof(StageDates.ActivistDate),
        MemberStage.DevelopmentCandidate => nameof(StageDates.CandidateDate),
        MemberStage.ProbationaryMember => nameof(StageDates.JoinedDate),
        _ => nameof(StageDates.FullMemberDate),
    };

    /// <summary>
    /// Whether a member may move from <paramref name="from"/> to <paramref name="to"/>: one stage forward, or back among the
    /// stages before admission (applicant, activist, candidate). Staying where one is, is no move.
    /// </summary>
    /// <param name="from">The stage now.</param>
    /// <param name="to">The stage asked for.</param>
    public static bool CanMove(MemberStage from, MemberStage to) =>
        to == from + 1 || (to < from && from <= MemberStage.DevelopmentCandidate);

    /// <summary>Probation's shortest length: full membership on the same date a year after joining, not a day before.</summary>
    public static DateOnly EarliestFullMembership(DateOnly joined) => joined.AddYears(1);

    /// <summary>Probation's longest length, with its one extension: two years after joining.</summary>
    public static DateOnly LatestFullMembership(DateOnly joined) => joined.AddYears(2);

    /// <summary>The least time as an activist before becoming a candidate: a year, to the same date.</summary>
    public static DateOnly EarliestCandidacy(DateOnly activist) => activist.AddYears(1);

    /// <summary>
    /// What is wrong with a person's stage dates on <paramref name="today"/>: dates in the future; an applicant under 18 on
    /// the application date or a member under 18 at joining; the stages out of order; less than a year as an activist before
    /// candidacy; probation shorter than a year or longer than two; a date of joining before admission or of full
    /// membership before it. Messages are English keys, with their arguments, for the caller to localise.
    /// </summary>
    /// <param name="dates">The stage and its dates.</param>
    /// <param name="today">The agency's today.</param>
    public static IEnumerable<Problem> Check(StageDates dates, DateOnly today)
    {
        const string future = "The date cannot be in the future.";
        foreach (var stage in Enum.GetValues<MemberStage>())
            if (dates.DateOf(stage) > today) yield return new(DateField(stage), future);
        if (dates.BirthDate is { } birth)
        {
            if (dates.ApplicationDate is { } applied && MemberAge.On(birth, applied) < 18) yield return new(nameof(StageDates.ApplicationDate), "An applicant must be at least 18 on the date of application.");
            if (dates.JoinedDate is { } joinedOn && MemberAge.On(birth, joinedOn) < 18) yield return new(nameof(StageDates.JoinedDate), "A member must be at least 18 when joining.");
        }
        if (dates.ActivistDate < dates.ApplicationDate)
            yield return new(nameof(StageDates.ActivistDate), "An activist is decided on after the application.");
        if (dates.ActivistDate is { } activist && dates.CandidateDate < EarliestCandidacy(activist))
            yield return new(nameof(StageDates.CandidateDate), "A candidate is decided on at least a year after becoming an activist, on {0:yyyy-MM-dd} at the earliest.", EarliestCandidacy(activist));
        if (dates.JoinedDate < (dates.CandidateDate ?? dates.ActivistDate ?? dates.ApplicationDate))
            yield return new(nameof(StageDates.JoinedDate), "Joining comes after the earlier stages.");
        if (dates.Stage < MemberStage.ProbationaryMember && dates.JoinedDate is not null)
            yield return new(nameof(StageDates.JoinedDate), "Only probationary and full members have a date of joining.");
        if (dates.Stage < MemberStage.FullMember && dates.FullMemberDate is not null)
            yield return new(nameof(StageDates.FullMemberDate), "Only full members have a date of full membership.");
        if (dates.JoinedDate is { } joined && dates.FullMemberDate is { } full)
        {
            if (full < EarliestFullMembership(joined))
                yield return new(nameof(StageDates.FullMemberDate), "Probation lasts at least a year: full membership on {0:yyyy-MM-dd} at the earliest.", EarliestFullMembership(joined));
            else if (full > LatestFullMembership(joined))
                yield return new(nameof(StageDates.FullMemberDate), "Probation lasts at most two years, with its extension: full membership by {0:yyyy-MM-dd} at the latest.", LatestFullMembership(joined));
        }
    }
}

/// <summary>
/// The checks of <see cref="IMemberChanges"/> that every directory applies alike (the host's and the test kit's), as
/// problems on the change's fields with English message keys.
/// </summary>
public static class MemberChangeRules
{
    /// <summary>
    /// Who may change whom: an unknown member (or another agency's, which a directory does not find) is refused as unknown;
    /// so is a user who does not manage the member's organisation; a member off the roster moves no stage
    /// (<paramref name="mayBeOffRoster"/> false); a change needs a reason.
    /// </summary>
    /// <param name="member">The member as the directory found them in the current agency; null when not found.</param>
    /// <param name="scope">What the signed-in user sees and manages.</param>
    /// <param name="reason">The reason given.</param>
    /// <param name="mayBeOffRoster">Whether a member off the roster may be changed (a situation may be set back).</param>
    public static List<Problem> Access(MemberInfo? member, DataScope scope, string? reason, bool mayBeOffRoster)
    {
        var problems = new List<Problem>();
        if (member is null) problems.Add(new(nameof(StageChange.MemberId), "There is no such member in this agency."));
        else if (!scope.CanSeeOrganization(member.OrganizationId)) problems.Add(new(nameof(StageChange.MemberId), "You do not manage the members of this organisation."));
        else if (!mayBeOffRoster && !member.IsOnRoster) problems.Add(new(nameof(StageChange.MemberId), "The member is no longer on the roster."));
        if (string.IsNullOrWhiteSpace(reason)) problems.Add(new(nameof(StageChange.Reason), "Give the reason for the change."));
        return problems;
    }

    /// <summary>
    /// A stage move of a member whose stage and dates are <paramref name="current"/>: allowed by <see cref="MemberStages.CanMove"/>,
    /// and with the new stage's date passing <see cref="MemberStages.Check"/> (problems on the date reported on <c>Date</c>).
    /// </summary>
    /// <param name="current">The member's stage and dates now, with their date of birth where the directory has it.</param>
    /// <param name="change">The move asked for.</param>
    /// <param name="today">The agency's today.</param>
    /// <param name="moved">The stage and dates after the move (meaningful when no problem is found).</param>
    public static List<Problem> Stage(StageDates current, StageChange change, DateOnly today, out StageDates moved)
    {
        moved = current.MovedTo(change.Stage, change.Date);
        if (!Enum.IsDefined(change.Stage) || !MemberStages.CanMove(current.Stage, change.Stage))
            return [new(nameof(StageChange.Stage), "A member moves one stage forward at a time, or back before admission.")];
        return Dates(moved, change.Stage, change.Date, today);
    }

    /// <summary>A new applicant: a name, and an application date that passes <see cref="MemberStages.Check"/> (at least 18 if the birth date is given).</summary>
    /// <param name="applicant">Who applied.</param>
    /// <param name="today">The agency's today.</param>
    public static List<Problem> Applicant(NewApplicant applicant, DateOnly today)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(applicant.Name)) problems.Add(new(nameof(NewApplicant.Name), "Please enter the member's name."));
        else if (applicant.Name.Trim().Length > 50) problems.Add(new(nameof(NewApplicant.Name), "The name can be at most {0} characters.", 50));
        if (applicant.BirthDate > today) problems.Add(new(nameof(NewApplicant.BirthDate), "The date of birth cannot be in the future."));
        problems.AddRange(Dates(NewApplicantDates(applicant), MemberStage.Applicant, applicant.ApplicationDate, today)
            .Select(p => p with { Field = nameof(NewApplicant.ApplicationDate) }));
        return problems;
    }

    /// <summary>A new applicant's stage and dates.</summary>
    public static StageDates NewApplicantDates(NewApplicant applicant) =>
        new(MemberStage.Applicant, applicant.BirthDate, ApplicationDate: applicant.ApplicationDate);

    /// <summary>A situation change: a defined situation, its date not in the future.</summary>
    /// <param name="change">The change asked for.</param>
    /// <param name="today">The agency's today.</param>
    public static List<Problem> Situation(SituationChange change, DateOnly today)
    {
        var problems = new List<Problem>();
        if (!Enum.IsDefined(change.Situation)) problems.Add(new(nameof(SituationChange.Situation), "Choose the situation from the list."));
        if (change.Date > today) problems.Add(new(nameof(SituationChange.Date), "The date cannot be in the future."));
        return problems;
    }

    // Only the problems of the stage's own date concern the change; older dates on file are not the caller's to fix.
    private static List<Problem> Dates(StageDates dates, MemberStage stage, DateOnly date, DateOnly today) =>
        MemberStages.Check(dates, today).Where(p => p.Field == MemberStages.DateField(stage))
            .Select(p => p with { Field = nameof(StageChange.Date) }).ToList();
}
