using Modular.Sdk;

namespace Modular.Modules.Elections.Rules;

/// <summary>One candidate's count at the election meeting, and the post they take if elected.</summary>
/// <param name="MemberId">The candidate, a directory member id.</param>
/// <param name="For">Votes for.</param>
/// <param name="Post">The post on the new committee, for an elected candidate.</param>
public sealed record CandidateCount(int MemberId, int? For, CommitteePost? Post);

/// <summary>What the meeting form posts: the day, full members entitled and present, each candidate's votes and posts.</summary>
public sealed record MeetingCount(DateOnly? Date, int Entitled, int? Present, IReadOnlyList<CandidateCount> Candidates);

/// <summary>What the rules need from the election and its organisation.</summary>
/// <param name="Kind">The organisation's kind (its term length and committee size).</param>
/// <param name="Seats">How many are to be elected.</param>
/// <param name="ApprovedOn">The day the higher committee approved the election, if it did.</param>
public sealed record ElectionFacts(OrganizationKind Kind, int Seats, DateOnly? ApprovedOn);

/// <summary>The count's result: who is elected (votes for from more than half of those entitled), or why it is refused.</summary>
public sealed record CountResult(IReadOnlyList<int> Elected, IReadOnlyList<Problem> Problems)
{
    public bool Valid => Problems.Count == 0;
}

/// <summary>
/// The election rules (换届选举): only full members vote, counted on the meeting day; the election is valid only when
/// attendance exceeds four fifths of those entitled (exactly 4/5 is not enough); a candidate is elected with votes for from
/// more than half of those entitled (超过半数; exactly half is not); never more elected than seats. A committee (支委会) of 3
/// to 7 where the organisation has 7 or more full members, otherwise a secretary and perhaps a deputy. Terms follow
/// <see cref="OrganizationTerms"/>; lengthening or shortening needs the higher committee's approval.
/// </summary>
public static class ElectionRules
{
    /// <summary>The reminder window: a term ending within this many months wants an election planned.</summary>
    public const int ReminderMonths = 6;
    /// <summary>The request goes to the higher committee at least this many days before the planned meeting.</summary>
    public const int RequestDaysBefore = 30;
    /// <summary>The higher committee's reply is expected within this many days of the request.</summary>
    public const int ReplyDays = 30;
    /// <summary>The committee needs this many full members (支委会 from 7); with fewer, a secretary and perhaps a deputy.</summary>
    public const int CommitteeFromFullMembers = 7;
    public const int NoteMaxLength = 1000;

    /// <summary>Valid only when those present EXCEED four fifths of those entitled: 8 of 10 is not enough, 9 of 10 is.</summary>
    public static bool IsQuorate(int entitled, int present) => entitled > 0 && present * 5L > entitled * 4L;

    /// <summary>Elected with votes for from MORE than half of those entitled: 5 of 10 is not enough, 6 of 10 is.</summary>
    public static bool IsElected(int entitled, int votesFor) => entitled > 0 && votesFor * 2L > entitled;

    /// <summary>How many seats the organisation's committee may have, by its kind and full members.</summary>
    public static (int Min, int Max) Seats(OrganizationKind kind, int fullMembers) =>
        kind == OrganizationKind.AgencyCommittee ? (3, OrganizationChangeRules.MaxCommittee(kind))
        : fullMembers >= CommitteeFromFullMembers ? (3, OrganizationChangeRules.MaxCommittee(kind)) : (1, 2);

    /// <summary>A plan: an organisation with a term, seats within <see cref="Seats"/>, a planned day.</summary>
    public static List<Problem> Plan(OrganizationKind kind, int fullMembers, int? seats, DateOnly? plannedOn, bool alreadyOpen)
    {
        var problems = new List<Problem>();
        if (OrganizationTerms.Years(kind) == 0) problems.Add(new("OrganizationId", "A Party group holds no election of its own."));
        else if (alreadyOpen) problems.Add(new("OrganizationId", "This organisation already has an election under way."));
        var (min, max) = Seats(kind, fullMembers);
        if (seats is not { } s) problems.Add(new("Seats", "Enter how many are to be elected."));
        else if (s < min || s > max)
            problems.Add(new("Seats", fullMembers >= CommitteeFromFullMembers || kind == OrganizationKind.AgencyCommittee
                ? "The committee has {0} to {1} members."
                : "With fewer than 7 full members there is a secretary and perhaps a deputy: {0} to {1} to be elected.", min, max));
        if (plannedOn is not { } d) problems.Add(new("PlannedOn", "Enter the planned day of the election meeting."));
        else if (!SaneDates.IsSane(d)) problems.Add(new("PlannedOn", "Enter a real date."));
        return problems;
    }

    /// <summary>A dated step (request or reply): a date not in the future and not before <paramref name="notBefore"/>.</summary>
    public static List<Problem> Step(DateOnly? date, DateOnly today, DateOnly? notBefore, string? note)
    {
        var problems = new List<Problem>();
        if (date is not { } d) problems.Add(new("Date", "Enter the date."));
        else if (d > today) problems.Add(new("Date", "The date cannot be in the future."));
        else if (!SaneDates.IsSane(d)) problems.Add(new("Date", "Enter a real date."));
        else if (notBefore is { } earliest && d < earliest) problems.Add(new("Date", "The date cannot be before {0:yyyy-MM-dd}.", earliest));
        if (note?.Length > NoteMaxLength) problems.Add(new("Note", "At most {0} characters.", NoteMaxLength));
        return problems;
    }

    /// <summary>
    /// The election meeting's count: a day not in the future and not before the approval; full members entitled; attendance
    /// above four fifths; each candidate's votes from 0 to those present; elected = more than half of those entitled, never
    /// more than the seats and at least one; each elected candidate given a post and no other, as the SDK's committee rules
    /// want (one secretary, named posts once).
    /// </summary>
    public static CountResult Count(MeetingCount count, ElectionFacts facts, DateOnly today)
    {
        var problems = new List<Problem>();
        if (count.Date is not { } date) problems.Add(new("Date", "Enter the day of the election meeting."));
        else if (date > today) problems.Add(new("Date", "The date cannot be in the future."));
        else if (!SaneDates.IsSane(date)) problems.Add(new("Date", "Enter a real date."));
        if (facts.ApprovedOn is not { } approved) problems.Add(new("Date", "The higher committee's approval comes before the election."));
        else if (count.Date < approved) problems.Add(new("Date", "The election is held after the higher committee's approval of {0:yyyy-MM-dd}.", approved));
        if (count.Entitled <= 0) problems.Add(new("Present", "The organisation has no full members entitled to vote on that day."));
        else if (count.Present is not { } present) problems.Add(new("Present", "Enter how many full members were present."));
        else if (present < 0 || present > count.Entitled) problems.Add(new("Present", "Between 0 and the {0} full members entitled.", count.Entitled));
        else if (!IsQuorate(count.Entitled, present))
            problems.Add(new("Present", "{0} present of {1} full members entitled does not exceed four fifths ({2:0.#}): the election is not valid.",
                present, count.Entitled, count.Entitled * 4m / 5m));
        if (problems.Count > 0) return new([], problems);

        if (count.Candidates.Count == 0) problems.Add(new("Candidates", "Name the candidates before the count."));
        foreach (var c in count.Candidates)
            if (c.For is not { } votes || votes < 0 || votes > count.Present)
                problems.Add(new($"Votes[{c.MemberId}]", "Votes for: 0 to the {0} present.", count.Present!.Value));
        if (problems.Count > 0) return new([], problems);

        var elected = count.Candidates.Where(c => IsElected(count.Entitled, c.For!.Value)).ToList();
        if (elected.Count > facts.Seats)
            problems.Add(new("Candidates", "{0} candidates have votes from more than half of those entitled, more than the {1} seats: vote again among them; nothing was recorded.",
                elected.Count, facts.Seats));
        else if (elected.Count == 0)
            problems.Add(new("Candidates", "Nobody has votes from more than half of the {0} entitled ({1} needed): nobody is elected.", count.Entitled, count.Entitled / 2 + 1));
        foreach (var c in count.Candidates)
        {
            var isElected = elected.Contains(c);
            if (isElected && c.Post is null) problems.Add(new($"Posts[{c.MemberId}]", "Give the elected member a post."));
            else if (!isElected && c.Post is not null) problems.Add(new($"Posts[{c.MemberId}]", "Only an elected member takes a post."));
        }
        if (problems.Count == 0)
        {
            // The committee's shape as the directory will check it (one secretary, named posts once), said on the form first.
            var renewal = new CommitteeRenewal(0, count.Date!.Value, OrganizationTerms.NormalEnd(facts.Kind, count.Date.Value),
                elected.Select(c => new PostAssignment(c.MemberId, c.Post!.Value)).ToList(), "count");
            problems.AddRange(OrganizationChangeRules.Renewal(facts.Kind, renewal, today).Where(p => p.Field == nameof(CommitteeRenewal.Posts)));
        }
        return new(problems.Count == 0 ? elected.Select(c => c.MemberId).ToList() : [], problems);
    }

    /// <summary>
    /// A term lengthened or shortened with the higher committee's approval: the organisation has a term, the approval is
    /// dated (not in the future) and named, and the new end is within a year of the normal one (one year more allowed, one
    /// year and a day refused).
    /// </summary>
    public static List<Problem> TermAdjustment(OrganizationKind kind, DateOnly? start, DateOnly? newEnd, DateOnly? approvedOn, string? approval, DateOnly today)
    {
        var problems = new List<Problem>();
        if (start is null) problems.Add(new("NewEnd", "The organisation's term is not recorded: enter it in the directory first."));
        if (newEnd is null) problems.Add(new("NewEnd", "Enter the new end of the term."));
        if (approvedOn is not { } approved) problems.Add(new("ApprovedOn", "Enter the day of the higher committee's approval."));
        else if (approved > today) problems.Add(new("ApprovedOn", "The date cannot be in the future."));
        if (string.IsNullOrWhiteSpace(approval)) problems.Add(new("Approval", "Name the higher committee's approval (its reply or document number)."));
        else if (approval.Length > 200) problems.Add(new("Approval", "At most {0} characters.", 200));
        if (start is { } s && newEnd is { } e)
            problems.AddRange(OrganizationTerms.Check(kind, s, e).Select(p => p with { Field = "NewEnd" }));
        return problems;
    }
}
