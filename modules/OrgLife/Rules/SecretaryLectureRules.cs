using Modular.Sdk;

namespace Modular.Modules.OrgLife.Rules;

/// <summary>One person's share of the year's secretaries' lecture in one organisation.</summary>
/// <param name="From">The first day of the year they were secretary.</param>
/// <param name="To">The last day of the year they were (or will be, while in post) secretary.</param>
/// <param name="LecturedOn">The first Party lecture they gave while secretary in the year, if any.</param>
public sealed record SecretaryLectureDuty(int MemberId, string Name, DateOnly From, DateOnly To, DateOnly? LecturedOn, PeriodState State)
{
    /// <summary>Still secretary at the end of the year (or of the record).</summary>
    public bool InPost { get; init; }
}

/// <summary>
/// 书记讲党课: Party secretaries give at least one Party lecture a year — every person who was secretary of the
/// organisation (branch, general branch or the agency committee) for any part of the year, each their own. A change of
/// secretary neither resets nor passes on the duty: one who left in June and lectured in March has done theirs; the one
/// from July owes one of their own.
/// A lecture counts when the person hosted a held Party lecture while in the post (wherever they gave it); one given
/// before taking the post was not given as secretary. Each owes it by the last day of their time in post that year:
/// the year's end for whoever still holds it, the day of leaving for one who left.
/// </summary>
public static class SecretaryLectureRules
{
    /// <param name="secretaryPosts">The organisation's secretary posts held during the year (others are ignored).</param>
    /// <param name="lectures">Held Party lectures of the year: who hosted them and when.</param>
    public static IReadOnlyList<SecretaryLectureDuty> Duties(int year, DateOnly today, IEnumerable<PostInfo> secretaryPosts,
        IEnumerable<(int HostMemberId, DateOnly Date)> lectures)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var byHost = lectures.ToLookup(l => l.HostMemberId, l => l.Date);
        return secretaryPosts
            .Where(p => p.Post == CommitteePost.Secretary && p.HeldDuring(first, last))
            .GroupBy(p => p.MemberId)
            .Select(g =>
            {
                // A person may have held the post twice in a year: each stretch counts, the duty is one.
                var stretches = g.Select(p => (From: Max(p.Since ?? first, first), To: Min(p.Until ?? last, last))).ToList();
                var lectured = byHost[g.Key].Where(d => stretches.Any(s => d >= s.From && d <= s.To)).Order().Cast<DateOnly?>().FirstOrDefault();
                var from = stretches.Min(s => s.From);
                var to = stretches.Max(s => s.To);
                var state = CadenceRules.StateOf(new Period(from, to, from), today, lectured is null ? 0 : 1, 1);
                return new SecretaryLectureDuty(g.Key, g.First().MemberName, from, to, lectured, state) { InPost = g.Any(p => p.Until is null || p.Until >= last) };
            })
            .OrderBy(d => d.From).ThenBy(d => d.MemberId)
            .ToList();
    }

    /// <summary>
    /// Where the organisation stands: the worst of its secretaries' states (overdue, then due, then not yet due), held
    /// when every one of them lectured. Without any secretary in the year the lecture is still owed by the organisation.
    /// </summary>
    public static PeriodState Overall(int year, DateOnly today, IReadOnlyCollection<SecretaryLectureDuty> duties)
    {
        if (duties.Count == 0) return CadenceRules.SecretaryLecture(year, today, secretaryLectured: false);
        foreach (var state in (PeriodState[])[PeriodState.Overdue, PeriodState.Due, PeriodState.Upcoming])
            if (duties.Any(d => d.State == state)) return state;
        return PeriodState.Held;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
