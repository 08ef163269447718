using Modular.Modules.Civilization.Rules;
using Modular.Modules.Integrity.Rules;
using Modular.Modules.Volunteer.Rules;
using Modular.Sdk;

namespace Modular.Tests.Sharing;

/// <summary>The rules that take linked records' facts instead of typed ones, at their boundaries.</summary>
public sealed class SharedRecordRuleTests
{
    [Fact]
    public void A_session_takes_the_meetings_attendance_and_keeps_only_those_with_reflections_it_did_not_expect()
    {
        // 1 present here, absent at the meeting; 2 not expected by the meeting, no reflections; 3 not expected, wrote reflections.
        var plan = WarningRules.TakeAttendance([(1, false), (2, false), (3, true)], [new SharedAttendee(1, false), new SharedAttendee(4, true), new SharedAttendee(5, false)]);
        Assert.Equal(new Dictionary<int, bool?> { [1] = false, [2] = null, [3] = false, [4] = true, [5] = false }, plan);
    }

    [Fact]
    public void A_person_listed_twice_by_the_meeting_is_present_when_either_line_says_so()
    {
        Assert.Equal(true, WarningRules.TakeAttendance([], [new SharedAttendee(7, false), new SharedAttendee(7, true)])[7]);
        Assert.Empty(WarningRules.TakeAttendance([], []));
    }

    [Fact]
    public void Participants_come_from_a_linked_record_that_recorded_anyone_present()
    {
        Assert.Equal(12, PracticeRules.ParticipantsFrom(new SharedAttendance(15, 12)));
        Assert.Equal(PracticeRules.MaxParticipants, PracticeRules.ParticipantsFrom(new SharedAttendance(PracticeRules.MaxParticipants, PracticeRules.MaxParticipants)));
        // Nobody checked in (or no attendance at all): the typed number stands.
        Assert.Null(PracticeRules.ParticipantsFrom(new SharedAttendance(15, 0)));
        Assert.Null(PracticeRules.ParticipantsFrom(null));
        Assert.Null(PracticeRules.ParticipantsFrom(new SharedAttendance(0, PracticeRules.MaxParticipants + 1)));
    }

    [Fact]
    public void Only_an_activity_of_a_branch_counts_as_its_theme_party_day()
    {
        int[] branches = [3, 4];
        Assert.Empty(ActivityRules.CheckThemeDay(true, 3, branches));
        Assert.Empty(ActivityRules.CheckThemeDay(false, null, branches));
        Assert.Empty(ActivityRules.CheckThemeDay(false, 9, branches));
        Assert.Equal("CountsAsThemePartyDay", Assert.Single(ActivityRules.CheckThemeDay(true, null, branches)).Field);
        Assert.Equal("CountsAsThemePartyDay", Assert.Single(ActivityRules.CheckThemeDay(true, 9, branches)).Field);
    }
}
