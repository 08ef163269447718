using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Jobs;
using Modular.Host.Operations;
using Modular.Sdk;
using Modular.Tests.Infrastructure;
using OpenTelemetry.Trace;

namespace Modular.Tests.Operations;

/// <summary>The platform's status page: what central IT checks first, for the platform administrator only.</summary>
public sealed class StatusPageTests : IClassFixture<StatusPageTests.Portal>
{
    /// <summary>A good plugin and one that fails while registering; two jobs of the good one (one throws); a backup section; OTLP on.</summary>
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("notes", "throwing")
        {
            // Nothing listens there: spans are dropped by the exporter, which is what an unreachable collector does.
            Settings["Modular:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s =>
            {
                s.AddScheduledJob<CountingJob>();
                s.AddScheduledJob<FailingJob>();
                // In place of the real backup section (its own tests are BackupPageTests): a fixed one.
                s.RemoveAll<IStatusSection>();
                s.AddSingleton<IStatusSection, BackupSection>();
            });
        }
    }

    public sealed class CountingJob : IScheduledJob
    {
        public string ModuleId => "notes";
        public string Name => "status-count";
        public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class FailingJob : IScheduledJob
    {
        public string ModuleId => "notes";
        public string Name => "status-fail";
        public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw new TimeoutException("secret detail of the failure");
    }

    /// <summary>What the backup subsystem contributes: it fills the page's "last backup" slot.</summary>
    public sealed class BackupSection : IStatusSection
    {
        public string Key => IStatusSection.BackupKey;
        public int Order => 0;
        public Task<StatusSectionContent> GetAsync(CancellationToken ct) => Task.FromResult(new StatusSectionContent("最近备份", StatusLevel.Good, "成功",
            [new StatusLine("时间", "2026-12-03 02:00"), new StatusLine("大小", "12.0 MB")], "/Platform/Status"));
    }

    private readonly Portal _portal;
    public StatusPageTests(Portal portal) => _portal = portal;

    [Fact]
    public async Task The_platform_administrator_sees_instance_plugins_database_jobs_audit_chain_and_backup()
    {
        var agency = await _portal.CreateAgencyAsync("JOBS", "jobs-office", Roles.AgencyAdmin);
        await _portal.TurnOnAsync(agency, "notes");
        using (var runs = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(
                   _portal.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), HostMetrics.MeterName, "modular.jobs.runs"))
        {
            await _portal.Services.GetRequiredService<ScheduledJobRunner>().RunOnceAsync(_portal.AgencyClock.Now);
            var measured = runs.GetMeasurementSnapshot().Where(m => (string?)m.Tags["modular.job"] is "status-count" or "status-fail").ToList();
            Assert.Contains(measured, m => (string?)m.Tags["modular.job"] == "status-count" && (string?)m.Tags["modular.outcome"] == "succeeded");
            Assert.Contains(measured, m => (string?)m.Tags["modular.job"] == "status-fail" && (string?)m.Tags["modular.outcome"] == "failed");
        }

        var admin = await _portal.SignedInAsync("admin");
        var response = await admin.GetAsync("/Platform/Status");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var page = Html.Parse(html);

        var instance = page.QuerySelector("[data-testid=instance]")!.TextContent;
        Assert.Contains(Environment.MachineName, instance);
        Assert.Equal(SdkInfo.Version.ToString(), page.QuerySelector("[data-testid=sdk-version]")!.TextContent.Trim());
        Assert.Equal(TelemetrySetup.HostVersion, page.QuerySelector("[data-testid=host-version]")!.TextContent.Trim());
        Assert.Equal(TestDatabase.IsPostgreSql ? "PostgreSQL" : "SQLite", page.QuerySelector("[data-testid=provider]")!.TextContent.Trim());
        Assert.True(long.Parse(page.QuerySelector("[data-testid=database-size]")!.GetAttribute("data-bytes")!) > 100_000);

        var plugins = page.QuerySelector("[data-testid=plugins]")!;
        Assert.Contains("已加载", plugins.QuerySelector("[data-module=notes]")!.TextContent);
        var throwing = plugins.QuerySelector("[data-module=throwing]")!.TextContent;
        Assert.Contains("加载失败", throwing);
        Assert.Contains("fixture failure while registering", throwing);

        var jobs = page.QuerySelector("[data-testid=job-runs]")!.TextContent;
        Assert.Contains("notes/status-count", jobs);
        Assert.Contains("notes/status-fail", jobs);
        Assert.Contains("JOBS", jobs);
        Assert.Contains("TimeoutException", jobs);
        Assert.DoesNotContain("secret detail", html);

        Assert.Contains("完整", page.QuerySelector("[data-testid=audit-chain]")!.TextContent);
        // The backup subsystem's section takes the slot; the placeholder is gone.
        var backup = page.QuerySelectorAll("[data-testid=backup]");
        Assert.Contains("12.0 MB", Assert.Single(backup).TextContent);

        // Linked from the platform dashboard.
        Assert.Contains("href=\"/Platform/Status\"", await admin.GetStringAsync("/"));
    }

    [Fact]
    public async Task An_agency_administrator_is_refused()
    {
        var office = await _portal.SignedInAsync("office");
        var response = await office.GetAsync("/Platform/Status");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("AccessDenied")), response.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await _portal.NewClient().GetAsync("/Platform/Status")).StatusCode);
        Assert.DoesNotContain("/Platform/Status", await office.GetStringAsync("/"));
    }

    [Fact]
    public void Traces_are_recorded_only_with_an_otlp_endpoint() =>
        Assert.NotNull(_portal.Services.GetService<TracerProvider>());
}

/// <summary>The status page reports a changed audit line as the audit log's verification does (a portal of its own: the change is permanent).</summary>
public sealed class StatusPageAuditChainTests
{
    [Fact]
    public async Task The_audit_chain_shows_broken_at_the_line_changed_outside_the_portal()
    {
        using var portal = new PortalFactory();
        var admin = await portal.SignedInAsync("admin");
        Assert.Contains("完整", Chain(await admin.GetStringAsync("/Platform/Status")));
        var first = long.Parse((await portal.QueryAsync("""SELECT MIN("Id") FROM "AuditEntries" """))[0]);
        await portal.ExecAsync(Auditing.AuditSql.DropTrigger + """UPDATE "AuditEntries" SET "Target" = 'changed outside' WHERE "Id" = @id;""", ("id", first));
        var chain = Chain(await admin.GetStringAsync("/Platform/Status"));
        Assert.Contains("已被篡改", chain);
        Assert.Contains(first.ToString(), chain);
    }

    private static string Chain(string html) => Html.Parse(html).QuerySelector("[data-testid=audit-chain]")!.TextContent;
}
