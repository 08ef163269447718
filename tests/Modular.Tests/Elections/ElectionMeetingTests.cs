using System.Net;
using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Elections;

/// <summary>With org-life on, the election links the branch members' meeting where it happened and takes its day and those entitled and present from its record.</summary>
public sealed partial class ElectionMeetingTests : IClassFixture<ElectionMeetingTests.Portal>
{
    public sealed class Portal() : PortalFactory("elections", "org-life");

    private readonly Portal _portal;
    public ElectionMeetingTests(Portal portal) => _portal = portal;

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, int id, string handler, Dictionary<string, string> fields)
    {
        var page = $"/m/elections/Details/{id}";
        var version = VersionPattern().Match(await client.GetStringAsync(page)).Groups[1].Value;
        return await client.PostFormAsync(page, new Dictionary<string, string>(fields) { ["Version"] = version }, $"{page}?handler={handler}");
    }

    [Fact]
    public async Task The_count_takes_the_day_and_the_full_members_entitled_and_present_from_the_linked_meeting()
    {
        var found = await _portal.MembersMeetingAsync(_portal.Today.AddDays(-300));
        Assert.True(found is not null, "the demo data has a held branch members' meeting of 第一党支部 in the last 300 days");
        var (meetingId, meetingDate) = found!.Value;
        // Full members on the meeting day: on the roster, full since that day or before.
        var attendance = await _portal.RowsAsync("SELECT a.\"Attendance\" FROM orglife_attendee a JOIN dir_member d ON d.\"Id\" = a.\"MemberId\" " +
            "WHERE a.\"MeetingId\" = @m AND d.\"Stage\" = 4 AND d.\"Situation\" IN (0, 1, 2, 3) AND (d.\"FullMemberDate\" IS NULL OR d.\"FullMemberDate\" <= @d)",
            ("m", meetingId), ("d", meetingDate));
        var (due, present) = (attendance.Count, attendance.Count(r => r[0] == "1"));
        var agency = await _portal.DemoAgencyIdAsync();
        var org = await _portal.IntAsync("SELECT \"Id\" FROM dir_organization WHERE \"Name\" = '第一党支部' AND \"AgencyId\" = @a", ("a", agency));
        var office = await _portal.SignedInAsync("office");
        var open = await _portal.IntAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM elec_election WHERE \"OrganizationId\" = @o AND \"Status\" = 0", ("o", org));
        if (open > 0) Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, open, "Cancel", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/m/elections/Plan?org={org}",
            new Dictionary<string, string> { ["Seats"] = "3", ["PlannedOn"] = Day(meetingDate) })).StatusCode);
        var id = await _portal.IntAsync("SELECT MAX(\"Id\") FROM elec_election WHERE \"OrganizationId\" = @o AND \"Status\" = 0", ("o", org));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, id, "Step", new() { ["Step.Kind"] = "Request", ["Step.Date"] = Day(meetingDate.AddDays(-20)) })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, id, "Step", new() { ["Step.Kind"] = "Reply", ["Step.Date"] = Day(meetingDate.AddDays(-10)), ["Step.Approved"] = "true" })).StatusCode);
        var candidates = await _portal.IntsAsync("SELECT \"Id\" FROM dir_member WHERE \"OrganizationId\" = @o AND \"Stage\" = 4 AND \"Situation\" = 0 ORDER BY \"Id\" LIMIT 3", ("o", org));
        foreach (var m in candidates)
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/m/elections/Details/{id}", new Dictionary<string, string> { ["CandidateId"] = $"{m}" },
                $"/m/elections/Details/{id}?handler=AddCandidate")).StatusCode);

        // The meeting is offered; linked, its record gives the day and those entitled and present, not what was typed.
        Assert.Contains($"value=\"{meetingId}\"", await office.GetStringAsync($"/m/elections/Details/{id}"));
        var fields = new Dictionary<string, string> { ["Meeting.MeetingId"] = $"{meetingId}", ["Meeting.Date"] = Day(_portal.Today), ["Meeting.Present"] = "999" };
        string[] posts = ["Secretary", "DeputySecretary", "OrganizationCommissioner"];
        for (var i = 0; i < candidates.Count; i++) { fields[$"Meeting.Votes[{candidates[i]}]"] = $"{present}"; fields[$"Meeting.Posts[{candidates[i]}]"] = posts[i]; }
        var response = await PostAsync(office, id, "Meeting", fields);
        if (present * 5 <= due * 4)
        {
            // The demo meeting lacked four fifths of the full members: refused on the meeting's own figures.
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"实到 {present} 名，未超过应到正式党员 {due} 名的五分之四", await response.Content.ReadAsStringAsync());
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var stored = (await _portal.RowsAsync("SELECT \"Entitled\", \"Present\", \"MeetingId\", CAST(\"HeldOn\" AS TEXT) FROM elec_election WHERE \"Id\" = @e", ("e", id))).Single();
        Assert.Equal([$"{due}", $"{present}", $"{meetingId}", Day(meetingDate)], stored);
    }
}
