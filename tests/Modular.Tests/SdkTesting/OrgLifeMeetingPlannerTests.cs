using Microsoft.EntityFrameworkCore;
using Modular.Modules.OrgLife.Data;
using Modular.Modules.OrgLife.Domain;
using Modular.Modules.OrgLife.Rules;
using Modular.Modules.OrgLife.Services;
using Modular.Sdk;
using Modular.Sdk.Testing;

namespace Modular.Tests.SdkTesting;

/// <summary>
/// A first-party service tested as a vendor tests theirs, with the test kit and no host: org-life's meeting planner
/// decides who is expected at a meeting from the directory, and keeps the attendance list in line with the roster.
/// </summary>
public sealed class OrgLifeMeetingPlannerTests : IDisposable
{
    private readonly FakeDirectory _directory = new();
    private readonly InMemoryModuleDatabase<OrgLifeDbContext> _database = new();
    private readonly OrganizationInfo _branch;
    private readonly OrganizationInfo _group;
    private readonly MemberInfo _secretary, _organiser, _publicity, _probationary, _applicant;

    public OrgLifeMeetingPlannerTests()
    {
        var committee = _directory.AddOrganization("机关党委", OrganizationKind.AgencyCommittee);
        _branch = _directory.AddOrganization("第一党支部", parentId: committee.Id);
        _group = _directory.AddOrganization("第一党小组", OrganizationKind.PartyGroup, _branch.Id);
        _secretary = _directory.AddMember("张书记", _branch.Id);
        _organiser = _directory.AddMember("李委员", _branch.Id);
        _publicity = _directory.AddMember("王委员", _branch.Id, groupId: _group.Id);
        _probationary = _directory.AddMember("赵预备", _branch.Id, MemberStatus.ProbationaryMember, groupId: _group.Id);
        _applicant = _directory.AddMember("钱申请", _branch.Id, MemberStatus.Applicant);
        _directory.AddPost(_branch.Id, _secretary.Id, CommitteePost.Secretary);
        _directory.AddPost(_branch.Id, _organiser.Id, CommitteePost.OrganizationCommissioner);
        _directory.AddPost(_branch.Id, _publicity.Id, CommitteePost.PublicityCommissioner);
    }

    public void Dispose() => _database.Dispose();

    private MeetingPlanner Planner() => new(new Roster(_directory, new PeopleLookup(_directory)));

    [Fact]
    public async Task Each_kind_of_meeting_expects_its_own_people_and_never_an_applicant()
    {
        var planner = Planner();
        var all = await planner.ExpectedAsync(MeetingType.BranchMembersMeeting, _branch.Id, null);
        var committee = await planner.ExpectedAsync(MeetingType.BranchCommitteeMeeting, _branch.Id, null);
        var group = await planner.ExpectedAsync(MeetingType.PartyGroupMeeting, _branch.Id, _group.Id);

        Assert.Equal(new[] { _secretary.Id, _organiser.Id, _publicity.Id, _probationary.Id }.Order(), all.Select(m => m.Id).Order());
        Assert.DoesNotContain(all, m => m.Id == _applicant.Id);
        Assert.Equal(new[] { _secretary.Id, _organiser.Id, _publicity.Id }.Order(), committee.Select(m => m.Id).Order());
        Assert.Equal(new[] { _publicity.Id, _probationary.Id }.Order(), group.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task A_planned_meeting_is_saved_for_the_agency_with_who_may_vote_and_who_sits_on_the_committee()
    {
        var meeting = new Meeting { BranchId = _branch.Id, Type = MeetingType.BranchMembersMeeting, Date = new DateOnly(2026, 12, 18), Topic = "学习" };
        await Planner().SyncAttendeesAsync(meeting);
        await using (var db = _database.CreateContext())
        {
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var saved = await read.Meetings.Include(m => m.Attendees).SingleAsync();
        Assert.Equal(1, saved.AgencyId);
        Assert.Equal(1, saved.Version);
        Assert.Equal(4, saved.Attendees.Count);
        Assert.All(saved.Attendees, a => Assert.Equal(1, a.AgencyId));
        Assert.False(saved.Attendees.Single(a => a.MemberId == _probationary.Id).CanVote);
        Assert.True(saved.Attendees.Single(a => a.MemberId == _secretary.Id).CanVote);
        Assert.Equal(new[] { _secretary.Id, _organiser.Id, _publicity.Id }.Order(),
            saved.Attendees.Where(a => a.IsCommitteeMember).Select(a => a.MemberId).Order());

        _database.Agency.Id = 2;
        await using var otherAgency = _database.CreateContext();
        Assert.Empty(await otherAgency.Meetings.ToListAsync());
    }

    [Fact]
    public async Task Syncing_again_drops_who_is_no_longer_expected_but_keeps_recorded_attendance()
    {
        var meeting = new Meeting { BranchId = _branch.Id, GroupId = _group.Id, Type = MeetingType.PartyGroupMeeting, Date = new DateOnly(2026, 12, 18) };
        await Planner().SyncAttendeesAsync(meeting);
        meeting.Attendees.Single(a => a.MemberId == _publicity.Id).Attendance = Attendance.Present;

        // Both leave the group and someone joins it: the one recorded as present stays on the list, the other goes.
        _directory.ChangeMember(_publicity.Id, m => m with { GroupId = null });
        _directory.ChangeMember(_probationary.Id, m => m with { GroupId = null });
        var newcomer = _directory.AddMember("孙新人", _branch.Id, groupId: _group.Id);
        await Planner().SyncAttendeesAsync(meeting);

        Assert.Equal(new[] { _publicity.Id, newcomer.Id }.Order(), meeting.Attendees.Select(a => a.MemberId).Order());
    }
    [Fact]
    public async Task A_correction_keeps_who_could_vote_on_the_day_however_the_roster_changes_after()
    {
        var clock = FakeClock.AtLocal(new DateTime(2026, 12, 21, 9, 0, 0));
        var meeting = new Meeting { BranchId = _branch.Id, Type = MeetingType.BranchMembersMeeting, Date = new DateOnly(2026, 12, 18), Topic = "讨论预备党员转正" };
        var recorder = new MeetingRecorder(Planner(), clock);
        await recorder.PrepareAsync(meeting);
        var present = meeting.Attendees.Select(a => new AttendanceLine(a.MemberId, Attendance.Present, null)).ToList();
        var first = recorder.Check(meeting, present, [new DecisionLine("同意赵预备按期转正", 3, 0, 0)], "会议记录");
        Assert.True(first.IsValid);
        recorder.Record(meeting, first);
        await using (var db = _database.CreateContext())
        {
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
        }

        // The meeting voted them in: the directory now has them as a full member (no date typed), and the record is corrected.
        _directory.ChangeMember(_probationary.Id, m => m with { Status = MemberStatus.FullMember });
        await using (var db = _database.CreateContext())
        {
            var held = await db.Meetings.Include(m => m.Attendees).Include(m => m.Decisions).SingleAsync();
            var correcting = new MeetingRecorder(Planner(), clock);
            await correcting.PrepareAsync(held);
            Assert.False(held.Attendees.Single(a => a.MemberId == _probationary.Id).CanVote);
            var tooMany = correcting.Check(held, present, [new DecisionLine("同意赵预备按期转正", 4, 0, 0)], "会议记录（更正）");
            Assert.Contains(tooMany.Problems, p => p.Field == "Decisions[0].For");
            var corrected = correcting.Check(held, present, [new DecisionLine("同意赵预备按期转正", 3, 0, 0)], "会议记录（更正）");
            correcting.Record(held, corrected);
            await db.SaveChangesAsync();
        }

        await using var read = _database.CreateContext();
        var saved = await read.Meetings.Include(m => m.Attendees).SingleAsync();
        Assert.Equal("会议记录（更正）", saved.Minutes);
        Assert.False(saved.Attendees.Single(a => a.MemberId == _probationary.Id).CanVote);
        Assert.Equal((3, 3), MeetingRules.Electorate(saved.Type, MeetingPlanner.Facts(saved.Attendees)));
    }

    [Fact]
    public async Task A_meeting_recorded_late_gives_the_vote_only_to_who_was_a_full_member_on_its_day()
    {
        var meeting = new Meeting { BranchId = _branch.Id, Type = MeetingType.BranchMembersMeeting, Date = new DateOnly(2026, 12, 18) };
        await Planner().SyncAttendeesAsync(meeting);
        _directory.ChangeMember(_probationary.Id, m => m with { Status = MemberStatus.FullMember, FullMemberDate = new DateOnly(2026, 12, 19) });
        _directory.ChangeMember(_organiser.Id, m => m with { FullMemberDate = new DateOnly(2026, 12, 18) });

        var recorder = new MeetingRecorder(Planner(), FakeClock.AtLocal(new DateTime(2026, 12, 28, 9, 0, 0)));
        await recorder.PrepareAsync(meeting);

        Assert.False(meeting.Attendees.Single(a => a.MemberId == _probationary.Id).CanVote);
        Assert.True(meeting.Attendees.Single(a => a.MemberId == _organiser.Id).CanVote);
    }
}
