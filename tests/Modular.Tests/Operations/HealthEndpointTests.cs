using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Operations;

/// <summary>/health/live and /health/ready as a load balancer or Kubernetes probe sees them: anonymous JSON, 200 or 503.</summary>
public sealed class HealthEndpointTests : IClassFixture<HealthEndpointTests.BrokenPlugins>
{
    /// <summary>A good plugin, one that throws while registering and one whose migration fails.</summary>
    public sealed class BrokenPlugins() : PortalFactory("notes", "throwing", "bad-migration");

    private readonly BrokenPlugins _portal;
    public HealthEndpointTests(BrokenPlugins portal) => _portal = portal;

    private static async Task<(HttpResponseMessage Response, string Body, JsonElement Json)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        return (response, body, JsonDocument.Parse(body).RootElement);
    }

    [Fact]
    public async Task Live_answers_json_to_an_anonymous_probe()
    {
        var (response, _, json) = await GetAsync(_portal.NewClient(), "/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Contains("no-cache", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Ready_answers_503_and_names_each_plugin_that_failed_with_its_reason()
    {
        var (response, body, json) = await GetAsync(_portal.NewClient(), "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Unhealthy", json.GetProperty("status").GetString());
        var checks = json.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("migrations").GetProperty("status").GetString());

        var plugins = checks.GetProperty("plugins");
        Assert.Equal("Unhealthy", plugins.GetProperty("status").GetString());
        Assert.Equal(["notes"], plugins.GetProperty("running").EnumerateArray().Select(e => e.GetString()));
        var failed = plugins.GetProperty("failed").EnumerateArray()
            .ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("reason").GetString()!);
        Assert.Equal(["bad-migration", "throwing"], failed.Keys.Order());
        Assert.Contains("注册时出错", failed["throwing"]);
        Assert.Contains("fixture failure while registering", failed["throwing"]);
        Assert.Contains("数据库迁移失败", failed["bad-migration"]);
    }

    [Fact]
    public async Task Ready_tells_no_secrets()
    {
        var (_, body, _) = await GetAsync(_portal.NewClient(), "/health/ready");
        foreach (var secret in new[] { "Data Source", "Host=", "Password", "Username", _portal.WorkDir, _portal.PluginsDir, Paths.Root, Path.GetTempPath(), "   at ", ".cs:line" })
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Probes_pass_no_gate_and_write_no_session_or_audit_line()
    {
        // A signed-in account that must change its password is sent to the password page everywhere else.
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var member = (await users.FindByNameAsync("member"))!;
            member.PasswordChangedAt = _portal.Clock.GetUtcNow().UtcDateTime.AddDays(-400);
            await users.UpdateAsync(member);
        }
        var forced = await _portal.SignedInAsync("member");
        Assert.StartsWith("/Account/ChangePassword", (await forced.GetAsync("/")).Headers.Location!.ToString());

        var auditLines = await _portal.WithDbAsync(db => db.AuditEntries.CountAsync());
        foreach (var client in new[] { forced, _portal.NewClient() })
        {
            for (var i = 0; i < 3; i++)
            {
                foreach (var path in new[] { "/health/live", "/health/ready" })
                {
                    var response = await client.GetAsync(path);
                    Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                    Assert.False(response.Headers.Contains("Set-Cookie"), path + " set a cookie");
                }
            }
        }
        Assert.Equal(auditLines, await _portal.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }
}

/// <summary>A portal whose plugins all run is ready; one whose database lacks a migration of this build is not.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_is_200_when_everything_runs_and_503_when_a_module_migration_is_missing()
    {
        using var portal = new PortalFactory("notes");
        var client = portal.NewClient();
        var ready = await client.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
        Assert.Equal(["notes"], json.GetProperty("checks").GetProperty("plugins").GetProperty("running").EnumerateArray().Select(e => e.GetString()));
        if (TestDatabase.IsPostgreSql) Assert.Equal("Healthy", json.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());

        // As if the database were restored from before the plugin's last upgrade.
        await portal.ExecAsync("""DELETE FROM "__migrations_notes" WHERE "MigrationId" = (SELECT max("MigrationId") FROM "__migrations_notes")""");
        var notReady = await client.GetAsync("/health/ready");
        body = await notReady.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        var migrations = JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty("migrations");
        Assert.Equal("Unhealthy", migrations.GetProperty("status").GetString());
        Assert.Contains(migrations.GetProperty("pending").EnumerateArray(), p => p.GetString()!.StartsWith("notes: "));
    }

    [Fact]
    public async Task A_failed_plugin_can_be_set_to_leave_the_instance_ready_but_degraded()
    {
        using var portal = new PortalFactory("notes", "throwing");
        portal.Settings["Modular:Health:PluginFailure"] = "Degraded";
        var ready = await portal.NewClient().GetAsync("/health/ready");
        var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", json.GetProperty("status").GetString());
        Assert.Equal("throwing", json.GetProperty("checks").GetProperty("plugins").GetProperty("failed")[0].GetProperty("id").GetString());
    }
}
