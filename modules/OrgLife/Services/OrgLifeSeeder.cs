namespace Modular.Modules.OrgLife.Services;

/// <summary>
/// A year of organisational life for every branch of a demo agency, from a fixed seed: meetings of every
/// type with attendance, minutes and votes, realistic gaps (some branches are less diligent, one members'
/// meeting lacks a quorum), a few planned meetings ahead, one meeting left unrecorded and one cancelled.
/// </summary>
public sealed class OrgLifeSeeder(OrgLifeDbContext db, Roster roster, MeetingPlanner planner, IAgencyClock clock) : IDemoDataSeeder
{
    public string ModuleId => OrgLifeModule.Id;

    public Task SeedAsync(int seed, CancellationToken cancellationToken) => SeedAsync(seed, clock.Today, cancellationToken);

    public async Task SeedAsync(int seed, DateOnly today, CancellationToken ct)
    {
        if (await db.Meetings.AnyAsync(ct)) return;
        // In the order they were created: the first is the demo secretary's 第一党支部.
        var branches = (await roster.BranchesAsync(ct)).OrderBy(b => b.Id).ToList();
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-12);
        var last = today.AddDays(21);
        for (var index = 0; index < branches.Count; index++)
        {
            var branch = branches[index];
            var rng = new Random(seed + branch.Id * 31);
            var members = await roster.PartyMembersAsync(branch.Id, ct);
            if (members.Count == 0) continue;
            // Most branches are diligent; the fourth is behind, so the compliance view has something to show.
            var diligence = index == 3 ? 0.55 : 0.8 + rng.NextDouble() * 0.18;
            var themeDay = new[] { 15, 10, 20, 5, 25, 8, 18 }[index % 7];
            if (themeDay != 15) db.BranchSchedules.Add(new BranchSchedule { BranchId = branch.Id, ThemePartyDay = themeDay });
            var groups = await roster.GroupsOfAsync(branch.Id, ct);
            var hasCommittee = await roster.HasCommitteeAsync(branch.Id, ct);
            var committee = (await roster.CommitteeAsync(branch.Id, ct)).ToList();
            var secretary = await roster.SecretaryAsync(branch.Id, ct);
            var hosts = committee.Count > 0 ? committee : [members[0].Id];
            var lectures = 0;
            var meetings = new List<Meeting>();

            Meeting Add(MeetingType type, DateOnly date, int? groupId = null, int? host = null)
            {
                var topics = DemoTexts.Topics[type];
                var m = new Meeting
                {
                    BranchId = branch.Id, GroupId = groupId, Type = type, Date = date,
                    StartTime = new TimeOnly(rng.Next(0, 2) == 0 ? 9 : 15, rng.Next(0, 2) * 30),
                    Place = type == MeetingType.ThemePartyDay ? Pick(rng, DemoTexts.ThemeDayPlaces) : Pick(rng, DemoTexts.Places),
                    HostMemberId = host ?? (groupId is not null ? members.FirstOrDefault(x => x.GroupId == groupId)?.Id : secretary ?? hosts[0]),
                    Topic = type == MeetingType.OrganizationalLifeMeeting ? $"{date.Year - (date.Month <= 6 ? 1 : 0)}{Pick(rng, topics)}" : Pick(rng, topics),
                };
                meetings.Add(m);
                return m;
            }

            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                if (hasCommittee && rng.NextDouble() < diligence) Add(MeetingType.BranchCommitteeMeeting, Day(rng, month, 2, 8));
                foreach (var g in groups)
                    if (rng.NextDouble() < diligence) Add(MeetingType.PartyGroupMeeting, Day(rng, month, 9, 24), g.Id);
                if (rng.NextDouble() < diligence + 0.05)
                    Add(MeetingType.ThemePartyDay, new DateOnly(month.Year, month.Month, Math.Min(themeDay, DateTime.DaysInMonth(month.Year, month.Month))));
                if (month.Month % 3 == 2)
                {
                    if (rng.NextDouble() < diligence + 0.05) Add(MeetingType.BranchMembersMeeting, Day(rng, month, 10, 26));
                    if (rng.NextDouble() < diligence)
                    {
                        // The secretary gives the first Party lecture of the year; others by committee members.
                        var lecturer = lectures++ % 4 == 0 ? secretary ?? hosts[0] : hosts[rng.Next(hosts.Count)];
                        Add(MeetingType.PartyLecture, Day(rng, month, 12, 27), host: lecturer);
                    }
                }
                if (month.Month == 12 && rng.NextDouble() < 0.9) Add(MeetingType.OrganizationalLifeMeeting, Day(rng, month, 15, 28));
            }

            meetings.RemoveAll(m => m.Date > last);
            foreach (var m in meetings)
            {
                await planner.SyncAttendeesAsync(m, ct);
                if (m.Date >= today) continue; // still planned
                m.Status = MeetingStatus.Held;
                m.RecordedAtUtc = m.Date.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
                foreach (var a in m.Attendees)
                {
                    var r = rng.NextDouble();
                    a.Attendance = r < 0.88 ? Attendance.Present : r < 0.96 ? Attendance.Leave : Attendance.Absent;
                    if (a.Attendance == Attendance.Leave) a.LeaveReason = Pick(rng, DemoTexts.LeaveReasons);
                }
                var host = m.HostMemberId is { } h ? members.FirstOrDefault(x => x.Id == h)?.Name ?? "支部书记" : "支部书记";
                m.Minutes = string.Format(Pick(rng, DemoTexts.Openings), host, m.Topic) + Pick(rng, DemoTexts.Bodies) + Pick(rng, DemoTexts.Closings);
                if (m.Type is MeetingType.BranchMembersMeeting or MeetingType.BranchCommitteeMeeting && rng.NextDouble() < 0.5)
                {
                    var voters = m.Attendees.Count(a => a.Attendance == Attendance.Present && (m.Type == MeetingType.BranchMembersMeeting ? a.CanVote : a.IsCommitteeMember));
                    var against = voters > 3 ? rng.Next(0, 2) : 0;
                    var abstain = voters > 5 ? rng.Next(0, 2) : 0;
                    m.Decisions.Add(new MeetingDecision { Subject = Pick(rng, DemoTexts.Decisions), VotesFor = voters - against - abstain, VotesAgainst = against, Abstentions = abstain });
                }
            }
            // Realistic lapses, one of each in the first branch: a members' meeting without a quorum,
            // a meeting whose day passed without a record, a theme Party day moved, a cancelled one.
            if (index == 0)
            {
                var past = meetings.Where(m => m.Status == MeetingStatus.Held).ToList();
                if (past.LastOrDefault(m => m.Type == MeetingType.BranchMembersMeeting) is { } thin)
                    foreach (var a in thin.Attendees.Where(a => a.CanVote).Skip(thin.Attendees.Count(a => a.CanVote) / 2))
                    {
                        a.Attendance = Attendance.Leave;
                        a.LeaveReason ??= Pick(rng, DemoTexts.LeaveReasons);
                    }
                if (past.LastOrDefault(m => m.Type is MeetingType.PartyGroupMeeting or MeetingType.BranchCommitteeMeeting or MeetingType.ThemePartyDay && m.Date < today.AddDays(-3)) is { } unrecorded)
                {
                    unrecorded.Status = MeetingStatus.Planned;
                    unrecorded.Minutes = null;
                    unrecorded.RecordedAtUtc = null;
                    unrecorded.Decisions.Clear();
                    foreach (var a in unrecorded.Attendees) { a.Attendance = Attendance.Expected; a.LeaveReason = null; }
                }
                // A theme Party day held two days after its fixed day (it counts, and shows 改期).
                if (past.LastOrDefault(m => m.Type == MeetingType.ThemePartyDay && m.Date < today.AddDays(-45) && m.Date.Day <= 26) is { } moved)
                    moved.Date = moved.Date.AddDays(2);
                var cancelled = Add(MeetingType.ThemePartyDay, today.AddDays(-40), null);
                await planner.SyncAttendeesAsync(cancelled, ct);
                cancelled.Topic = "参观红色教育基地";
                cancelled.Status = MeetingStatus.Cancelled;
                cancelled.CancelReason = "遇防汛应急值守，活动顺延至下月。";
            }
            db.Meetings.AddRange(meetings);
            // Last year's appraisal, published in December; the branch that is behind never finished its own.
            if (index != 3) db.Appraisals.Add(LastYearsAppraisal(rng, branch.Id, today.Year - 1, members));
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A published appraisal of <paramref name="year"/>: every member voted on by all, about a fifth of the full members 优秀.</summary>
    private static Appraisal LastYearsAppraisal(Random rng, int branchId, int year, IReadOnlyList<MemberInfo> members)
    {
        var graded = members.Count(m => m.CanVote);
        var excellent = Math.Min(AppraisalRules.MaxExcellent(graded), graded / 5);
        var appraisal = new Appraisal
        {
            BranchId = branchId, Year = year, Stage = AppraisalStage.Published,
            SelfAppraisalOn = new DateOnly(year, 12, 3), PeerAppraisalOn = new DateOnly(year, 12, 10),
            VotingOn = new DateOnly(year, 12, 17), GradingOn = new DateOnly(year, 12, 24),
            PublishedAtUtc = new DateTime(year, 12, 24, 9, 0, 0, DateTimeKind.Utc),
        };
        var voters = members.Count;
        foreach (var m in members)
        {
            var best = m.CanVote && excellent-- > 0;
            var forExcellent = best ? rng.Next(voters / 2 + 1, voters + 1) : rng.Next(0, voters / 4 + 1);
            appraisal.Entries.Add(new AppraisalEntry
            {
                MemberId = m.Id, IsProbationary = !m.CanVote, VotesExcellent = forExcellent, VotesQualified = voters - forExcellent,
                Grade = !m.CanVote ? null : best ? AppraisalGrade.Excellent : AppraisalGrade.Qualified,
            });
        }
        return appraisal;
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> list) => list[rng.Next(list.Count)];

    /// <summary>A weekday between the two days of the month.</summary>
    private static DateOnly Day(Random rng, DateOnly month, int from, int to)
    {
        var d = new DateOnly(month.Year, month.Month, Math.Min(rng.Next(from, to + 1), DateTime.DaysInMonth(month.Year, month.Month)));
        // Saturday moves back to Friday, Sunday on to Monday (within the month: days 2 to 28 only).
        return d.DayOfWeek switch
        {
            DayOfWeek.Saturday => d.Day > 1 ? d.AddDays(-1) : d.AddDays(2),
            DayOfWeek.Sunday => d.Day < 28 ? d.AddDays(1) : d.AddDays(-2),
            _ => d,
        };
    }
}
