using System.Net;
using System.Net.Http.Json;
using Modular.Modules.Volunteer.Domain;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Volunteer;

/// <summary>Places are exact under simultaneous sign-ups, on SQLite and on PostgreSQL (the suite's second pass).</summary>
public sealed class VolunteerConcurrencyTests : IClassFixture<VolunteerConcurrencyTests.Portal>
{
    public sealed class Portal() : PortalFactory("volunteer");

    private readonly Portal _portal;
    public VolunteerConcurrencyTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task Hundred_simultaneous_sign_ups_for_twenty_places_give_twenty_places_and_eighty_waiting_in_order()
    {
        var office = await _portal.SignedInAsync("office");
        var members = await _portal.MemberIdsAsync(100);
        var id = await office.CreateAsync(Volunteer.Form(await _portal.MemberIdAsync("王建华"), _portal.LocalNow.Date.AddDays(3).AddHours(9), title: "并发报名测试", capacity: 20));
        using var start = new SemaphoreSlim(0);
        var tasks = members.Select(async m =>
        {
            await start.WaitAsync();
            return await office.PostAsJsonAsync($"/m/volunteer/api/activities/{id}/signups", new { memberId = m });
        }).ToList();
        start.Release(members.Count);
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var outcomes = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["outcome"].ToString()));
        Assert.Equal(20, outcomes.Count(o => o == "Accepted"));
        Assert.Equal(80, outcomes.Count(o => o == "Waiting"));

        var statuses = await _portal.SignUpStatusesAsync(id);
        Assert.Equal(20, statuses.Count(s => s == SignUpStatus.Accepted));
        Assert.Equal(80, statuses.Count(s => s == SignUpStatus.Waiting));
        // Queue numbers are unique: the waiting list has one order.
        var sequences = await _portal.SignUpSequencesAsync(id);
        Assert.Equal(100, sequences.Distinct().Count());
        // Twenty give up at once: exactly the next twenty in the queue take their places.
        var accepted = await _portal.MembersSignedUpAsync(id, SignUpStatus.Accepted);
        var next = (await _portal.MembersSignedUpAsync(id, SignUpStatus.Waiting)).Take(20).ToList();
        await Task.WhenAll(accepted.Select(m => office.ActAsync(id, "Remove", new() { ["memberId"] = m.ToString() })));
        var nowAccepted = (await _portal.MembersSignedUpAsync(id, SignUpStatus.Accepted)).ToHashSet();
        Assert.Equal(next.ToHashSet(), nowAccepted);
    }

    /// <summary>
    /// The same with two instances on one database: each instance lets only one request at a time wait for the
    /// activity's lock, so the exact count here comes from the database's lock alone.
    /// </summary>
    [Fact]
    public async Task Two_instances_on_one_database_still_give_exactly_twenty_places()
    {
        var workDir = PortalFactory.NewWorkDir();
        using var a = new PortalFactory(workDir, ["volunteer"]);
        using var b = new PortalFactory(workDir, [], copyPlugins: false);
        if (TestDatabase.IsPostgreSql)
        {
            // Two instances in one test process would share one small pool of the harness: give each its own, as two servers have.
            a.Settings["Modular:ConnectionString"] = a.ConnectionString.Replace("Maximum Pool Size=20", "Maximum Pool Size=40") + ";Application Name=instance-a";
            b.Settings["Modular:ConnectionString"] = b.ConnectionString.Replace("Maximum Pool Size=20", "Maximum Pool Size=40") + ";Application Name=instance-b";
        }
        _ = a.Server; // migrates and seeds
        _ = b.Server;
        var onA = await a.SignedInAsync("office");
        var onB = await b.SignedInAsync("office");
        var members = await a.MemberIdsAsync(100);
        var id = await onA.CreateAsync(Volunteer.Form(await a.MemberIdAsync("王建华"), a.LocalNow.Date.AddDays(3).AddHours(9), title: "两实例并发报名", capacity: 20));
        using var start = new SemaphoreSlim(0);
        var tasks = members.Select(async (m, i) =>
        {
            await start.WaitAsync();
            return await (i % 2 == 0 ? onA : onB).PostAsJsonAsync($"/m/volunteer/api/activities/{id}/signups", new { memberId = m });
        }).ToList();
        start.Release(members.Count);
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var statuses = await a.SignUpStatusesAsync(id);
        Assert.Equal(20, statuses.Count(s => s == SignUpStatus.Accepted));
        Assert.Equal(80, statuses.Count(s => s == SignUpStatus.Waiting));
    }
}
