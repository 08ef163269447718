using System.Net;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Development;

/// <summary>With org-life on, the admission vote links the branch members' meeting where it happened and takes who was due and present from its record.</summary>
public sealed class DevelopmentMeetingTests : IClassFixture<DevelopmentMeetingTests.Portal>
{
    public sealed class Portal() : PortalFactory("development", "org-life");

    private readonly Portal _portal;
    public DevelopmentMeetingTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task The_vote_takes_the_full_members_due_and_present_from_the_linked_meeting()
    {
        var today = _portal.Today;
        var found = await _portal.MembersMeetingAsync(today.AddDays(-300));
        Assert.True(found is not null, "the demo data has a held branch members' meeting of 第一党支部 in the last 300 days");
        var (meetingId, meetingDate) = found!.Value;
        var (due, present) = await _portal.FullMembersAtAsync(meetingId);

        var office = await _portal.SignedInAsync("office");
        var person = await _portal.AddPersonAsync("会议表决癸", today.AddYears(-30));
        var sponsors = await _portal.MemberIdsAsync(2);
        var start = meetingDate.AddDays(-800);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/m/development/Cases/Open",
            new Dictionary<string, string> { ["Input.MemberId"] = $"{person}", ["Input.Date"] = $"{start:yyyy-MM-dd}" })).StatusCode);
        var caseId = (await _portal.CaseOfAsync(person))!.Value;
        var dates = new Dictionary<int, DateOnly> { [2] = start.AddDays(10), [3] = start.AddDays(20), [4] = start.AddDays(25), [5] = start.AddDays(30), [6] = start.AddDays(200) };
        for (var step = 7; step <= 14; step++) dates[step] = start.AddDays(20).AddYears(1).AddDays(10 * (step - 7));
        foreach (var (step, date) in dates)
        {
            var fields = new Dictionary<string, string> { ["Input.Step"] = $"{step}", ["Input.Date"] = $"{date:yyyy-MM-dd}" };
            if (step == 5) fields["Input.Mentors[0]"] = $"{sponsors[0]}";
            if (step == 9) { fields["Input.Sponsors[0]"] = $"{sponsors[0]}"; fields["Input.Sponsors[1]"] = $"{sponsors[1]}"; }
            if (step == 10) fields["Input.Conclusion"] = "政审合格";
            if (step == 11) fields["Input.TrainingDays"] = "3";
            Assert.Equal(HttpStatusCode.Redirect, (await Post(office, caseId, fields)).StatusCode);
        }

        // The meeting is offered; linked, the typed figures of those due and present give way to the meeting's record.
        Assert.Contains($"value=\"{meetingId}\"", await office.GetStringAsync($"/m/development/Cases/Details/{caseId}"));
        var vote = new Dictionary<string, string>
        {
            ["Input.Step"] = "15", ["Input.Date"] = "", ["Input.MeetingId"] = $"{meetingId}",
            ["Input.Vote.Entitled"] = "999", ["Input.Vote.Present"] = "999", ["Input.Vote.For"] = $"{present}", ["Input.Vote.Against"] = "0", ["Input.Vote.Abstain"] = "0",
        };
        var response = await Post(office, caseId, vote);
        if (present * 2 <= due)
        {
            // The demo meeting lacked a quorum of full members: the vote is refused on the meeting's own figures.
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"须超过半数（应到 {due} 名）", await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain(15, await _portal.StepsOfAsync(caseId));
            return;
        }
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var stored = await _portal.VoteOfAsync(caseId, 15);
        Assert.Equal([$"{due}", $"{present}", $"{meetingId}"], stored[..3]);
        Assert.NotEqual("", stored[3]);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, int caseId, Dictionary<string, string> fields)
    {
        var page = $"/m/development/Cases/Details/{caseId}";
        var version = System.Text.RegularExpressions.Regex.Match(await client.GetStringAsync(page), "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        return await client.PostFormAsync(page, new Dictionary<string, string>(fields) { ["Input.Version"] = version });
    }
}
