using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Supervision;

/// <summary>
/// Tasks from the organ work committee (上级督办) through the SDK's <see cref="IHigherTasks"/>, with a fake in place of
/// the host's (empty until the committee's side lands): shown in the office's list, reported and closed back through
/// ReportAsync, and another agency's task answers 404.
/// </summary>
public sealed class HigherTasksTests(HigherTasksTests.Portal portal) : IClassFixture<HigherTasksTests.Portal>
{
    public sealed class Portal() : PortalFactory("supervision")
    {
        public FakeHigherTasks.Store Store { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Store);
                services.AddScoped<IHigherTasks, FakeHigherTasks>();
            });
        }
    }

    [Fact]
    public async Task The_office_sees_tasks_from_above_reports_progress_and_closes_them_and_never_another_agencys()
    {
        var demo = await portal.DemoAgencyIdAsync();
        var now = portal.Clock.GetUtcNow();
        portal.Store.Add(demo, new HigherTask(101, HigherTaskKind.Task, "开展作风建设专项检查（上级测试）", "请于月底前报送检查情况。", portal.Today.AddDays(10), now, HigherTaskState.Open, null, null));
        portal.Store.Add(demo + 1000, new HigherTask(202, HigherTaskKind.Task, "别的单位的任务", "—", null, now, HigherTaskState.Open, null, null));

        var office = await portal.SignedInAsync("office");
        var list = await office.GetStringAsync("/m/supervision");
        Assert.Contains("开展作风建设专项检查（上级测试）", list);
        Assert.Contains("上级督办", list);
        Assert.DoesNotContain("别的单位的任务", list);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/m/supervision/Higher/Details/202")).StatusCode);
        // A member who is not the office neither sees nor answers it.
        var secretary = await portal.SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync("/m/supervision/Higher/Details/101")).StatusCode);

        var empty = await office.PostFormAsync("/m/supervision/Higher/Details/101", new Dictionary<string, string> { ["Progress"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写进展。", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/m/supervision/Higher/Details/101", new Dictionary<string, string> { ["Progress"] = "已完成自查。" })).StatusCode);
        Assert.Equal(HigherTaskState.InProgress, portal.Store.Get(demo, 101)!.State);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync("/m/supervision/Higher/Details/101", new Dictionary<string, string>
        {
            ["Progress"] = "检查报告已报送。", ["Finished"] = "true",
        })).StatusCode);
        var done = portal.Store.Get(demo, 101)!;
        Assert.Equal((HigherTaskState.Done, "检查报告已报送。"), (done.State, done.LastProgress));
        Assert.Equal(["supervision", "supervision"], portal.Store.ReportedBy);
        Assert.Contains("已完成", await office.GetStringAsync("/m/supervision/Higher/Details/101"));
    }

    [Fact]
    public async Task The_office_sees_the_committees_reply_dated_and_a_pressed_task_in_its_to_do_list()
    {
        var demo = await portal.DemoAgencyIdAsync();
        var now = portal.Clock.GetUtcNow();
        portal.Store.Add(demo, new HigherTask(303, HigherTaskKind.Task, "报送换届情况（回复测试）", "请报送。", portal.Today.AddDays(5), now.AddDays(-3), HigherTaskState.InProgress,
            "已完成摸底。", now.AddDays(-2)) { Reminders = 2, RemindedAt = now.AddDays(-1), Reply = "请于下周五前报送正式材料。", RepliedAt = now.AddDays(-1) });
        var office = await portal.SignedInAsync("office");
        var page = await office.GetStringAsync("/m/supervision/Higher/Details/303");
        Assert.Contains("工委回复", page);
        Assert.Contains("请于下周五前报送正式材料。", page);
        Assert.Contains(portal.AgencyClock.ToLocal(now.AddDays(-1)).ToString("yyyy-MM-dd"), page);
        Assert.Contains("已催办 2 次", page);
        Assert.Contains("上级催办（2 次）：报送换届情况（回复测试）", await office.GetStringAsync("/Todo"));
    }
}

/// <summary>An in-memory <see cref="IHigherTasks"/> per agency, checking as the contract says.</summary>
public sealed class FakeHigherTasks(FakeHigherTasks.Store store, ICurrentAgency agency) : IHigherTasks
{
    public sealed class Store
    {
        private readonly ConcurrentDictionary<(int Agency, int Id), HigherTask> _tasks = new();
        public ConcurrentQueue<string> ReportedByQueue { get; } = new();
        public IReadOnlyList<string> ReportedBy => ReportedByQueue.ToList();
        public void Add(int agencyId, HigherTask task) => _tasks[(agencyId, task.Id)] = task;
        public HigherTask? Get(int agencyId, int id) => _tasks.TryGetValue((agencyId, id), out var t) ? t : null;
        public IReadOnlyList<HigherTask> Of(int agencyId) => _tasks.Where(t => t.Key.Agency == agencyId).Select(t => t.Value).OrderByDescending(t => t.IssuedAt).ToList();
        public void Put(int agencyId, HigherTask task) => _tasks[(agencyId, task.Id)] = task;
    }

    public Task<IReadOnlyList<HigherTask>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(agency.Id is { } a ? store.Of(a) : (IReadOnlyList<HigherTask>)[]);

    public Task<HigherTask?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        Task.FromResult(agency.Id is { } a ? store.Get(a, id) : null);

    public Task<IReadOnlyList<Problem>> ReportAsync(string moduleId, int id, HigherTaskReport report, CancellationToken cancellationToken = default)
    {
        if (agency.Id is not { } a || store.Get(a, id) is not { } task) return Task.FromResult<IReadOnlyList<Problem>>([new Problem("", "未找到该任务。")]);
        if (task.State == HigherTaskState.Done) return Task.FromResult<IReadOnlyList<Problem>>([new Problem("", "该任务已办结。")]);
        if (string.IsNullOrWhiteSpace(report.Progress)) return Task.FromResult<IReadOnlyList<Problem>>([new Problem("Progress", "请填写进展。")]);
        store.ReportedByQueue.Enqueue(moduleId);
        store.Put(a, task with { State = report.State, LastProgress = report.Progress, UpdatedAt = DateTimeOffset.UtcNow });
        return Task.FromResult<IReadOnlyList<Problem>>([]);
    }
}
