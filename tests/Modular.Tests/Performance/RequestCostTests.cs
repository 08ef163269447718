using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Host.Operations;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Modular.Tests.Performance;

/// <summary>
/// Database commands per signed-in page, from the host's request cost meter (Modular:RequestCost): numbers, not
/// timings, so they do not depend on the machine. A page that starts asking per row (N+1) or loses a cache fails here.
/// </summary>
public sealed class RequestCostTests(RequestCostTests.Portal portal, ITestOutputHelper output) : IClassFixture<RequestCostTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("org-life", "volunteer", "civilization", "integrity", "supervision", "dues")
        {
            Settings["Modular:RequestCost"] = "true";
            // The session is checked against the account once a minute, as in production (the other tests check every request).
            Settings["Security:SessionCheckSeconds"] = "60";
        }
    }

    /// <summary>The page's commands on a warm request (its caches filled by the first), as the office sees it.</summary>
    private async Task<RequestCostSample> WarmCostAsync(HttpClient client, string path)
    {
        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // Three warm requests, the cheapest counted: the portal's start-up jobs may still save (and so drop caches) at first.
        for (var i = 0; i < 3; i++) (await client.GetAsync(path)).Dispose();
        var sample = portal.Services.GetRequiredService<RequestCostMeter>().Samples(path).TakeLast(3).MinBy(s => s.Queries)!;
        Assert.Equal(200, sample.Status);
        output.WriteLine($"{path}: {sample.Queries} queries, {sample.Bytes / 1024} KiB");
        foreach (var sql in sample.Commands) output.WriteLine("  " + sql.ReplaceLineEndings(" "));
        return sample;
    }

    [Theory]
    // The layout (menu, agency switcher, unread notices, data scope) and kept cards cost only the agency's stamp (1).
    [InlineData("/", 1)]
    // The lists below keep their pager's count (PagedList with a total key) and the names on the page (the directory keeps
    // a page's names): the stamp and the page of rows.
    [InlineData("/Directory/Members", 2)]
    [InlineData("/m/org-life/Meetings", 2)]
    [InlineData("/m/org-life/Compliance", 1)]
    [InlineData("/m/volunteer/Stats", 1)]
    [InlineData("/m/volunteer", 2)]
    [InlineData("/m/integrity/Risks", 2)]
    // Supervision's check of record-proved tasks and its counts are kept per viewer, year and day under the stamp; the
    // rows come with their steps, and the tasks from above are kept.
    [InlineData("/m/supervision", 2)]
    [InlineData("/m/civilization", 2)]
    // The campaign, its scores and owners are kept; the page reads its 50 items (their count only when filtered).
    [InlineData("/m/civilization/Campaigns/Details/1", 2)]
    // Every payer's schedule and arrears are kept per day (the dashboard's card asks every minute; they were three reads
    // of 2,000 ids each): the stamp, the month's and the year's months paid and payments, the year's uses.
    [InlineData("/m/dues/Reports", 6)]
    public async Task A_signed_in_page_asks_the_database_a_bounded_number_of_times(string path, int most)
    {
        var client = await portal.SignedInAsync("office");
        var cost = await WarmCostAsync(client, path);
        Assert.True(cost.Queries > 0, "the meter counts the page's commands");
        Assert.True(cost.Queries <= most, $"{path}: {cost.Queries} database commands, expected at most {most}");
    }

    [Fact]
    public async Task The_cost_page_answers_per_path_when_the_meter_is_on()
    {
        var client = await portal.SignedInAsync("office");
        (await client.GetAsync("/ping")).Dispose();
        var json = await client.GetStringAsync(RequestCostMeter.Path);
        Assert.Contains("\"/ping\"", json);
        Assert.Contains("medianQueries", json);
    }

    private async Task<T> InAgencyAsync<T>(int agencyId, Func<IServiceProvider, Task<T>> work)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<long> StampAsync(int agencyId) => InAgencyAsync(agencyId, sp => sp.GetRequiredService<IAgencyCache>().StampAsync());

    private Task<int> CachedAsync(int agencyId, int fresh) =>
        InAgencyAsync(agencyId, sp => sp.GetRequiredService<IAgencyCache>().GetOrCreateAsync("test:value", _ => Task.FromResult(fresh)));

    [Fact]
    public async Task A_cached_value_stays_until_the_agency_s_data_changes_in_a_module_then_is_made_afresh()
    {
        var agency = await portal.DemoAgencyIdAsync();
        var other = await portal.CreateAgencyAsync("COST2", "cost2", "agency-admin");
        Assert.Equal(1, await CachedAsync(agency, 1));
        Assert.Equal(1, await CachedAsync(agency, 2));
        Assert.Equal(10, await CachedAsync(other, 10));
        var (before, otherBefore) = (await StampAsync(agency), await StampAsync(other));

        // A meeting planned through org-life's page: a save of the module's own context.
        await portal.PlanMeetingAsync(await portal.SignedInAsync("office"), "PartyLecture", "缓存测试", portal.LocalNow.Date);

        Assert.True(await StampAsync(agency) > before, "the module's save bumps its agency's stamp");
        Assert.Equal(3, await CachedAsync(agency, 3));
        Assert.Equal(otherBefore, await StampAsync(other));
        Assert.Equal(10, await CachedAsync(other, 11));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Concurrent_requests_wait_for_one_computation_of_a_value_and_make_their_own_when_it_fails(bool fails)
    {
        var agency = await portal.DemoAgencyIdAsync();
        var key = "test:flight:" + Guid.NewGuid();
        var calls = 0;
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> AskAsync() => InAgencyAsync(agency, sp => sp.GetRequiredService<IAgencyCache>().GetOrCreateAsync(key, async _ =>
        {
            // The first computation waits for the gate; any other returns at once.
            if (Interlocked.Increment(ref calls) == 1) return await gate.Task;
            return 2;
        }));
        var first = AskAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref calls) == 0 && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(10);
        var others = Enumerable.Range(0, 5).Select(_ => AskAsync()).ToArray();
        // Time for the others to reach the value; without waiting for the first they would compute their own meanwhile.
        clock.Restart();
        while (Volatile.Read(ref calls) == 1 && clock.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(10);
        Assert.Equal(1, Volatile.Read(ref calls));

        if (fails) gate.SetException(new InvalidOperationException("the first request's computation failed"));
        else gate.SetResult(1);
        if (fails) await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        else Assert.Equal(1, await first);
        var values = await Task.WhenAll(others);
        if (fails) Assert.All(values, v => Assert.Equal(2, v));
        else Assert.All(values, v => Assert.Equal(1, v));
    }

    [Fact]
    public async Task When_the_minute_turns_one_request_makes_a_kept_card_afresh_while_the_others_show_the_last_minute_s()
    {
        var agency = await portal.DemoAgencyIdAsync();
        // Just after a minute's turn, so that only the test turns the next one.
        var now = portal.Clock.GetUtcNow();
        portal.Clock.Set(new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1).AddSeconds(5));
        Task<int> AskAsync(Func<CancellationToken, Task<int>> create) => InAgencyAsync(agency, sp =>
            sp.GetRequiredService<Modular.Host.Shell.Dashboard.ContributionCache>().GetOrCreateAsync("test", typeof(RequestCostTests), create, CancellationToken.None));
        Assert.Equal(1, await AskAsync(_ => Task.FromResult(1)));
        Assert.Equal(1, await AskAsync(_ => Task.FromResult(9)));

        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var making = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = AskAsync(async _ => { making.TrySetResult(); return await gate.Task; });
        await making.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Meanwhile another request gets the last minute's value at once (it would wait for the first before).
        Assert.Equal(1, await AskAsync(_ => Task.FromResult(7)).WaitAsync(TimeSpan.FromSeconds(30)));

        gate.SetResult(2);
        Assert.Equal(2, await first);
        Assert.Equal(2, await AskAsync(_ => Task.FromResult(8)));
    }

    [Fact]
    public async Task At_a_period_s_turn_the_others_get_the_last_period_s_value_while_one_makes_it_but_not_after_a_save()
    {
        var agency = await portal.DemoAgencyIdAsync();
        var key = "test:period:" + Guid.NewGuid();
        var today = new DateOnly(2026, 12, 4);
        Task<int> AskAsync(DateOnly day, Func<CancellationToken, Task<int>> create) =>
            InAgencyAsync(agency, sp => sp.GetRequiredService<IAgencyCache>().GetOrCreateAsync(key, CachePeriod.Day(day), create));
        Assert.Equal(1, await AskAsync(today, _ => Task.FromResult(1)));
        Assert.Equal(1, await AskAsync(today, _ => Task.FromResult(9)));

        // The day turns: while one request makes the new day's value, another gets yesterday's at once.
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var making = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = AskAsync(today.AddDays(1), async _ => { making.TrySetResult(); return await gate.Task; });
        await making.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await AskAsync(today.AddDays(1), _ => Task.FromResult(7)).WaitAsync(TimeSpan.FromSeconds(30)));
        gate.SetResult(2);
        Assert.Equal(2, await first);
        Assert.Equal(2, await AskAsync(today.AddDays(1), _ => Task.FromResult(8)));

        // After a save the last day's value is of an older stamp: nobody gets it, whoever makes the new one.
        await InAgencyAsync(agency, async sp =>
        {
            var db = sp.GetRequiredService<DirectoryDbContext>();
            var org = await db.Organizations.OrderBy(o => o.Id).FirstAsync();
            org.SortOrder++;
            return await db.SaveChangesAsync();
        });
        var failing = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        making = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = AskAsync(today.AddDays(2), async _ => { making.TrySetResult(); return await failing.Task; });
        await making.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var other = AskAsync(today.AddDays(2), _ => Task.FromResult(3));
        failing.SetException(new InvalidOperationException("the first request's computation failed"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => second);
        Assert.Equal(3, await other);
    }

    /// <summary>The pager's total of a list page: "共 N 条" when it has pages, else its rows.</summary>
    private static int ListTotal(string html, string rowLink) =>
        Regex.Match(html, "共 (\\d+) 条") is { Success: true } pager ? int.Parse(pager.Groups[1].Value) : Regex.Matches(html, rowLink).Count;

    [Fact]
    public async Task A_kept_pager_count_is_the_viewer_s_scope_s_and_the_agency_s_and_a_save_shows_at_once()
    {
        const string list = "/m/org-life/Meetings", row = "href=\"/m/org-life/Meetings/Details/\\d+\"";
        var office = await portal.SignedInAsync("office");
        var secretary = await portal.SignedInAsync("secretary");
        await portal.CreateAgencyAsync("COST4", "cost4", "agency-admin", "org-life");
        var otherOffice = await portal.SignedInAsync("cost4");
        // Each asked twice: the second answer is the kept count.
        var all = ListTotal(await office.GetStringAsync(list), row);
        Assert.Equal(all, ListTotal(await office.GetStringAsync(list), row));
        Assert.True(all > 20, $"the office sees {all} meetings: more than a page, so that the pager shows the kept count");
        var branch = ListTotal(await secretary.GetStringAsync(list), row);
        Assert.Equal(branch, ListTotal(await secretary.GetStringAsync(list), row));
        Assert.InRange(branch, 1, all - 1);
        Assert.Equal(0, ListTotal(await otherOffice.GetStringAsync(list), row));
        Assert.Equal(0, ListTotal(await otherOffice.GetStringAsync(list), row));

        await portal.PlanMeetingAsync(secretary, "PartyLecture", "计数测试", portal.LocalNow.Date);

        Assert.Equal(all + 1, ListTotal(await office.GetStringAsync(list), row));
        Assert.Equal(branch + 1, ListTotal(await secretary.GetStringAsync(list), row));
        Assert.Equal(0, ListTotal(await otherOffice.GetStringAsync(list), row));
    }

    [Fact]
    public async Task A_page_s_kept_names_are_its_agency_s_and_a_rename_shows_at_once()
    {
        var agency = await portal.DemoAgencyIdAsync();
        var other = await portal.CreateAgencyAsync("COST5", "cost5", "agency-admin");
        var ids = await InAgencyAsync(agency, async sp => await sp.GetRequiredService<DirectoryDbContext>().Members.OrderBy(m => m.Id).Select(m => m.Id).Take(3).ToListAsync());
        Task<IReadOnlyList<MemberInfo>> NamesAsync(int agencyId) => InAgencyAsync(agencyId, sp => sp.GetRequiredService<IDirectory>().GetMembersAsync(ids));
        Assert.Equal(3, (await NamesAsync(agency)).Count);
        Assert.Equal(3, (await NamesAsync(agency)).Count);
        // The same ids in another agency name nobody: its own kept lookup, not the first agency's.
        Assert.Empty(await NamesAsync(other));

        await InAgencyAsync(agency, async sp =>
        {
            var db = sp.GetRequiredService<DirectoryDbContext>();
            var member = await db.Members.FirstAsync(m => m.Id == ids[0]);
            member.Name = "改名测试";
            return await db.SaveChangesAsync();
        });
        Assert.Contains(await NamesAsync(agency), m => m.Id == ids[0] && m.Name == "改名测试");
        Assert.Empty(await NamesAsync(other));
    }

    [Fact]
    public async Task Saves_of_the_directory_and_of_the_host_s_own_tables_bump_the_stamp_and_a_failed_save_does_not()
    {
        var agency = await portal.DemoAgencyIdAsync();
        var before = await StampAsync(agency);
        await InAgencyAsync(agency, async sp =>
        {
            var db = sp.GetRequiredService<DirectoryDbContext>();
            var org = await db.Organizations.OrderBy(o => o.Id).FirstAsync();
            org.SortOrder++;
            return await db.SaveChangesAsync();
        });
        var afterDirectory = await StampAsync(agency);
        Assert.True(afterDirectory > before, "a directory save bumps the stamp");

        await portal.WithDbAsync(async db =>
        {
            var module = await db.AgencyModules.FirstAsync(m => m.AgencyId == agency);
            module.Enabled = !module.Enabled;
            await db.SaveChangesAsync();
            module.Enabled = !module.Enabled;
            return await db.SaveChangesAsync();
        });
        var afterHost = await StampAsync(agency);
        Assert.Equal(afterDirectory + 2, afterHost);

        // A stale edit fails: its stamp is rolled back with it.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => portal.WithDbAsync(async db =>
        {
            var module = await db.AgencyModules.FirstAsync(m => m.AgencyId == agency);
            module.Version -= 1;
            db.Entry(module).Property(m => m.Version).OriginalValue = module.Version;
            module.Enabled = !module.Enabled;
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(afterHost, await StampAsync(agency));
    }

    [Fact]
    public async Task A_kept_dashboard_card_shows_a_module_s_save_at_once_and_only_in_its_agency()
    {
        var office = await portal.SignedInAsync("office");
        await portal.CreateAgencyAsync("COST3", "cost3", "agency-admin", "civilization");
        var otherOffice = await portal.SignedInAsync("cost3");
        Assert.DoesNotContain("缓存测试荣誉", await office.GetStringAsync("/"));
        Assert.DoesNotContain("缓存测试荣誉", await office.GetStringAsync("/"));
        (await otherOffice.GetAsync("/")).Dispose();

        var saved = await office.PostFormAsync("/m/civilization/Honours/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "缓存测试荣誉", ["Input.Year"] = "2100", ["Input.Level"] = "Municipal", ["Input.IssuingBody"] = "测试机关", ["Input.Version"] = "0",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The civilization card (kept per user until the agency's data changes) lists the newest honours.
        Assert.Contains("缓存测试荣誉", await office.GetStringAsync("/"));
        Assert.DoesNotContain("缓存测试荣誉", await otherOffice.GetStringAsync("/"));
    }

    [Fact]
    public async Task Viewing_the_dashboard_writes_no_agency_data_so_its_caches_hold()
    {
        var agency = await portal.DemoAgencyIdAsync();
        var client = await portal.SignedInAsync("office");
        (await client.GetAsync("/")).Dispose();
        var before = await StampAsync(agency);
        (await client.GetAsync("/")).Dispose();
        Assert.Equal(before, await StampAsync(agency));
    }
}
