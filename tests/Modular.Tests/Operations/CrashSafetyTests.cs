using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Modular.Host.Data;
using Modular.Modules.OrgLife.Domain;
using Modular.Modules.Volunteer.Domain;
using Modular.Tests.Files;
using Modular.Tests.Infrastructure;
using Modular.Tests.Volunteer;

namespace Modular.Tests.Operations;

/// <summary>
/// The host as central IT runs it (its own process, on SQLite, or on PostgreSQL in the suite's second pass) is killed with
/// SIGKILL in the middle of a stream of writes — volunteer sign-ups for an activity with few places, and meeting records
/// with their attendance and a photo — and started again on the same data: every write that was answered is there with
/// its audit line, nothing is half-saved, the audit chain verifies and no activity has more sign-ups than places.
/// </summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const string Branch = "第一党支部";
    private readonly string _dir = PortalFactory.NewWorkDir();
    private readonly string _url = $"http://127.0.0.1:{HostProcess.FreePort()}";
    private HostProcess? _host;

    private string Db => TestDatabase.ConnectionString(_dir);

    [Fact]
    public async Task Writes_answered_before_a_SIGKILL_are_all_there_and_none_is_half_saved()
    {
        foreach (var plugin in new[] { "volunteer", "org-life" })
        {
            Paths.CopyDirectory(Paths.PluginSource(plugin), Path.Combine(_dir, "plugins", plugin));
            Modular.Plugins.Packages.PackageFormat.SignFolder(Path.Combine(_dir, "plugins", plugin), Packages.TestPublisher, Packages.TestPublisherName);
        }
        await StartAsync();
        var office = await SignedInAsync("office");
        var secretary = await SignedInAsync("secretary");
        var agency = await IntAsync("SELECT \"Id\" FROM \"Agencies\" WHERE \"Code\" = @c", ("c", DemoSeeder.DemoAgencyCode));
        var members = (await TestDatabase.QueryAsync(Db, "SELECT \"Id\" FROM dir_member WHERE \"AgencyId\" = @a ORDER BY \"Id\"", ("a", agency))).Select(int.Parse).ToList();
        var branch = await IntAsync("SELECT \"Id\" FROM dir_organization WHERE \"Name\" = @n AND \"AgencyId\" = @a", ("n", Branch), ("a", agency));
        var leader = members[0];
        var now = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime;
        var capacity = Math.Max(2, members.Count / 3);
        var activity = await office.CreateAsync(Volunteer.Volunteer.Form(leader, now.Date.AddDays(3).AddHours(9), "断电演练报名", capacity));
        var meetings = new List<int>();
        for (var i = 0; i < 12; i++) meetings.Add(await PlanAsync(secretary, branch, $"断电演练党课 {i + 1}", now));

        // The stream: sign-ups (four at a time, one activity's places lock) and meeting records with a photo (two at a time).
        var signedUp = new ConcurrentBag<int>();
        var recorded = new ConcurrentBag<int>();
        var queue = new ConcurrentQueue<int>(members);
        var toRecord = new ConcurrentQueue<int>(meetings);
        using var stop = new CancellationTokenSource();
        async Task SignUps()
        {
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var member))
            {
                try
                {
                    var response = await office.PostAsJsonAsync($"/m/volunteer/api/activities/{activity}/signups", new { memberId = member });
                    if (response.StatusCode == HttpStatusCode.OK) signedUp.Add(member);
                }
                catch (HttpRequestException) { return; } // the host is gone: not answered
            }
        }
        async Task Records()
        {
            while (!stop.IsCancellationRequested && toRecord.TryDequeue(out var meeting))
            {
                try
                {
                    var response = await AttachmentTests.RecordAsync(secretary, meeting, ("签到表.png", AttachmentTests.Png));
                    if (response.StatusCode == HttpStatusCode.Redirect) recorded.Add(meeting);
                }
                catch (HttpRequestException) { return; }
            }
        }
        var stream = Enumerable.Range(0, 4).Select(_ => Task.Run(SignUps)).Concat(Enumerable.Range(0, 2).Select(_ => Task.Run(Records))).ToList();
        // Killed once part of the stream was answered, with the rest still going.
        while (!(signedUp.Count >= members.Count / 3 && recorded.Count >= 3) && stream.Any(t => !t.IsCompleted)) await Task.Delay(20);
        _host!.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(stream);
        Assert.True(queue.Count + toRecord.Count > 0, "The stream ended before the host was killed: nothing was in the middle.");
        Assert.NotEmpty(signedUp);
        Assert.NotEmpty(recorded);

        await StartAsync(); // on the same data
        // Every answered sign-up is there, with its audit line; the places are never more than the activity has.
        var rows = await TestDatabase.QueryAsync(Db, "SELECT \"MemberId\" || ':' || \"Status\" || ':' || \"Id\" FROM vol_signup WHERE \"ActivityId\" = @a", ("a", activity));
        var signUps = rows.Select(r => r.Split(':')).ToDictionary(r => int.Parse(r[0]), r => (Status: (SignUpStatus)int.Parse(r[1]), Id: int.Parse(r[2])));
        Assert.All(signedUp, m => Assert.True(signUps.ContainsKey(m), $"Member {m}'s answered sign-up is lost."));
        var accepted = signUps.Values.Count(s => s.Status == SignUpStatus.Accepted);
        Assert.True(accepted <= capacity, $"{accepted} places taken of {capacity}.");
        if (signUps.Values.Any(s => s.Status == SignUpStatus.Waiting)) Assert.Equal(capacity, accepted); // nobody waits for a free place
        foreach (var m in signedUp) Assert.True(await AuditedAsync("SignUp", signUps[m].Id), $"Sign-up {signUps[m].Id} has no audit line.");

        // A meeting is held with all its attendance lines and its photo, or still planned with neither: never half of it.
        foreach (var meeting in meetings)
        {
            var status = (MeetingStatus)await IntAsync("SELECT \"Status\" FROM orglife_meeting WHERE \"Id\" = @m", ("m", meeting));
            var unrecorded = await IntAsync("SELECT COUNT(*) FROM orglife_attendee WHERE \"MeetingId\" = @m AND \"Attendance\" = @e", ("m", meeting), ("e", (int)Attendance.Expected));
            var lines = await IntAsync("SELECT COUNT(*) FROM orglife_attendee WHERE \"MeetingId\" = @m", ("m", meeting));
            var files = await IntAsync("SELECT COUNT(*) FROM host_file WHERE \"OwnerKey\" = @k", ("k", $"meeting:{meeting}"));
            Assert.True(lines > 0, $"Meeting {meeting} lost its attendance lines.");
            if (recorded.Contains(meeting)) Assert.Equal(MeetingStatus.Held, status);
            if (status == MeetingStatus.Held) Assert.True(unrecorded == 0 && files == 1, $"Meeting {meeting} is held with {unrecorded} unrecorded lines and {files} photos.");
            else Assert.True(unrecorded == lines && files == 0, $"Meeting {meeting} is planned with {lines - unrecorded} recorded lines and {files} photos.");
            if (recorded.Contains(meeting)) Assert.True(await AuditedAsync("Meeting", meeting), $"Meeting {meeting}'s record has no audit line.");
        }
        // No file row without its bytes, nor bytes without their row.
        Assert.Equal(0, await IntAsync("SELECT COUNT(*) FROM host_file f WHERE NOT EXISTS (SELECT 1 FROM host_file_data d WHERE d.\"Id\" = f.\"Id\")"));
        Assert.Equal(0, await IntAsync("SELECT COUNT(*) FROM host_file_data d WHERE NOT EXISTS (SELECT 1 FROM host_file f WHERE f.\"Id\" = d.\"Id\")"));

        // The audit chain verifies, the kill included.
        var auditor = await SignedInAsync("auditor");
        var report = await (await auditor.PostFormAsync("/Audit", new Dictionary<string, string>(), "/Audit?handler=Verify")).Content.ReadAsStringAsync();
        Assert.Contains("哈希链完整", report);
    }

    private async Task StartAsync()
    {
        _host?.Dispose();
        _host = new HostProcess(HostProcess.BuiltDll("host/Modular.Host", "Modular.Host"), ["--urls", _url], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Modular__DatabaseProvider"] = TestDatabase.ProviderSetting,
            ["Modular__ConnectionString"] = Db,
            ["Modular__PluginsPath"] = Path.Combine(_dir, "plugins"),
            ["Modular__SeedDemoData"] = "true",
            ["Modular__DemoAgencyCount"] = "1",
            ["Modular__JobSeconds"] = "0",
            ["Oidc__RequireHttps"] = "false",
            ["Security__SignInPermitsPerMinute"] = "1000",
            ["Plugins__Publishers__90__Name"] = Packages.TestPublisherName,
            ["Plugins__Publishers__90__PublicKey"] = Packages.TestPublisherKey,
        });
        using var client = new HttpClient { BaseAddress = new Uri(_url) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        Assert.Fail("The host did not start.\n" + string.Join('\n', _host.Output.TakeLast(40).Concat(_host.Errors)));
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(_url) };
        await client.SignInAsync(userName);
        return client;
    }

    private static async Task<int> PlanAsync(HttpClient secretary, int branch, string topic, DateTime today)
    {
        var response = await secretary.PostFormAsync($"/m/org-life/Meetings/Edit?branch={branch}", new Dictionary<string, string>
        {
            ["Branch"] = branch.ToString(), ["Input.Type"] = "PartyLecture", ["Input.Date"] = today.ToString("yyyy-MM-dd"), ["Input.Place"] = "党员活动室", ["Input.Topic"] = topic,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(System.Text.RegularExpressions.Regex.Match(response.Headers.Location!.ToString(), "Details/(\\d+)").Groups[1].Value);
    }

    private async Task<int> IntAsync(string sql, params (string, object)[] args) => int.Parse((await TestDatabase.QueryAsync(Db, sql, args)).Single());

    /// <summary>Whether the audit has a line for the row (the interceptor names it <c>module.Type#id</c>).</summary>
    private async Task<bool> AuditedAsync(string type, int id) =>
        await IntAsync("SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"Target\" LIKE @t", ("t", $"%.{type}#{id}")) > 0;

    public void Dispose()
    {
        _host?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
