using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Data;
using Modular.Host.Feeds;
using Modular.Host.Shell;
using Modular.Host.Shell.Modules;
using Modular.Host.Tenancy;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Feeds;

/// <summary>
/// Personal feed links through the real host and the org-life module: a member's calendar without a cookie, read-only,
/// for that feed and agency alone, and gone when revoked, when the member leaves the agency or the module is off.
/// </summary>
public sealed class FeedLinkTests : IClassFixture<FeedLinkTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life")
    {
        /// <summary>Every line the host logs, at the levels its own settings allow.</summary>
        public ConcurrentQueue<string> Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(new CapturingLogger(Logs)));
        }
    }

    private sealed class CapturingLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + exception);
        public void Dispose() { }
    }

    private readonly Portal _portal;
    public FeedLinkTests(Portal portal) => _portal = portal;

    private async Task PlanAsync(string type, string topic) =>
        await _portal.PlanMeetingAsync(await _portal.SignedInAsync("secretary"), type, topic, _portal.LocalNow.Date.AddDays(6));

    /// <summary>Makes a link on the calendar page as the signed-in client; returns its path and query (the secret in it).</summary>
    private static async Task<string> MakeLinkAsync(HttpClient client)
    {
        var response = await client.PostFormAsync("/m/org-life/Calendar", new Dictionary<string, string>(), "/m/org-life/Calendar?handler=Subscribe");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var url = Regex.Match(html, "value=\"(http[^\"]+)\" data-testid=\"feed-link\"").Groups[1].Value;
        Assert.Contains("token=", url);
        var uri = new Uri(WebUtility.HtmlDecode(url));
        Assert.Equal("/m/org-life/api/calendar.ics", uri.AbsolutePath);
        return uri.PathAndQuery;
    }

    private static string Token(string link) => link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];

    [Fact]
    public async Task My_account_lists_every_link_and_revokes_it_there()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var link = await MakeLinkAsync(secretary);
        var manage = await secretary.GetStringAsync("/Account/Manage");
        Assert.Contains("组织生活", Html.Texts(manage, "[data-testid=feed-links] tbody td:first-child")); // the link's module
        Assert.DoesNotContain(Token(link), manage); // the secret is never shown again
        // This link's row, by its id (the secretary may hold links of other tests too).
        var hash = FeedLinkService.Hash(Token(link));
        var id = (await _portal.WithDbAsync(db => db.FeedLinks.SingleAsync(l => l.TokenHash == hash))).Id;
        Assert.Contains($"action=\"/Account/Manage?id={id}&amp;handler=RevokeFeed\"", manage);
        var revoked = await secretary.PostFormAsync("/Account/Manage", new Dictionary<string, string>(), $"/Account/Manage?handler=RevokeFeed&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _portal.NewClient().GetAsync(link)).StatusCode);
        Assert.DoesNotContain($"action=\"/Account/Manage?id={id}&amp;handler=RevokeFeed\"", await secretary.GetStringAsync("/Account/Manage"));
    }

    [Fact]
    public async Task A_link_serves_only_its_members_meetings_without_a_cookie_read_only_and_stops_when_revoked()
    {
        await PlanAsync("PartyLecture", "订阅里的党课（测试）");
        await PlanAsync("BranchCommitteeMeeting", "只有支委的会（测试）");
        var member = await _portal.SignedInAsync("member");
        var link = await MakeLinkAsync(member);

        var anonymous = _portal.NewClient();
        var response = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.Contains("党课：订阅里的党课（测试）", ics);
        Assert.DoesNotContain("只有支委的会（测试）", ics);

        // The secretary's own link shows the committee meeting: the link speaks for its member, not for the caller.
        var secretaryIcs = await anonymous.GetStringAsync(await MakeLinkAsync(await _portal.SignedInAsync("secretary")));
        Assert.Contains("只有支委的会（测试）", secretaryIcs);
        // Presented with another member's cookie, the link still speaks for its own member.
        Assert.DoesNotContain("只有支委的会（测试）", await (await _portal.SignedInAsync("secretary")).GetStringAsync(link));

        // Read-only, and that one feed only.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync(link, new StringContent(""))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/m/org-life/api/meetings?token=" + Token(link))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/m/org-life/api/calendar.ics?token=" + Token(link)[..^2] + "xx")).StatusCode);

        // Stored hashed, the use recorded; the audit names the link, never its secret.
        var token = Token(link);
        var stored = await _portal.WithDbAsync(db => db.FeedLinks.AsNoTracking().SingleAsync(l => l.TokenHash == FeedLinkService.Hash(token)));
        Assert.NotNull(stored.LastUsedAt);
        Assert.Empty(await _portal.WithDbAsync(db => db.FeedLinks.Where(l => l.TokenHash == token).ToListAsync()));
        var audit = await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("feed-link.")).ToListAsync());
        Assert.Contains(audit, a => a.Action == "feed-link.create" && a.Target == $"FeedLink#{stored.Id}");
        Assert.DoesNotContain(audit, a => a.Target.Contains(token) || (a.Details ?? "").Contains(token) || a.Target.Contains(token[..10]));
        Assert.NotEmpty(_portal.Logs);
        Assert.DoesNotContain(_portal.Logs, line => line.Contains(token[..10]));

        // Listed for its member with when it was last used; revoked, it answers 404.
        var page = await member.GetStringAsync("/m/org-life/Calendar");
        Assert.Contains(_portal.AgencyClock.ToLocal(stored.LastUsedAt!.Value).ToString("yyyy-MM-dd HH:mm"), Html.Texts(page, "tbody td:nth-child(2)")); // last used
        Assert.DoesNotContain(token, page);
        var revoke = await member.PostFormAsync("/m/org-life/Calendar", new Dictionary<string, string>(), $"/m/org-life/Calendar?handler=Revoke&id={stored.Id}");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link)).StatusCode);
        Assert.Contains(await _portal.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "feed-link.revoke").Select(a => a.Target).ToListAsync()),
            t => t == $"FeedLink#{stored.Id}");
        // Nobody else can revoke a link that is not theirs.
        var other = await MakeLinkAsync(member);
        var otherId = await _portal.WithDbAsync(db => db.FeedLinks.Where(l => l.TokenHash == FeedLinkService.Hash(Token(other))).Select(l => l.Id).SingleAsync());
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostFormAsync("/m/org-life/Calendar", new Dictionary<string, string>(), $"/m/org-life/Calendar?handler=Revoke&id={otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(other)).StatusCode);
    }

    [Fact]
    public async Task A_link_answers_404_when_its_member_leaves_the_agency_when_the_module_is_off_and_never_reads_another_agency()
    {
        await PlanAsync("PartyLecture", "本单位的党课（隔离测试）");
        var member = await _portal.SignedInAsync("member");
        var link = await MakeLinkAsync(member);
        var anonymous = _portal.NewClient();
        Assert.Contains("本单位的党课（隔离测试）", await anonymous.GetStringAsync(link));
        var home = await _portal.DemoAgencyIdAsync();
        var userId = await _portal.WithDbAsync(db => db.Users.Where(u => u.UserName == "member").Select(u => u.Id).SingleAsync());

        // A link the same person made in another agency reads that agency only (where they have no meetings).
        var other = await _portal.CreateAgencyAsync("FEEDB", "member", "member", "org-life");
        const string otherToken = "another-agencys-token-0123456789abcdef";
        await _portal.WithDbAsync(async db =>
        {
            db.FeedLinks.Add(new FeedLink { TokenHash = FeedLinkService.Hash(otherToken), AgencyId = other, UserId = userId, ModuleId = "org-life", Feed = "calendar.ics" });
            return await db.SaveChangesAsync();
        });
        var foreign = await anonymous.GetAsync("/m/org-life/api/calendar.ics?token=" + otherToken);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("本单位的党课（隔离测试）", await foreign.Content.ReadAsStringAsync());

        // The module switched off for the agency: 404; on again: served.
        await using (var scope = _portal.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ModuleSwitchboard>().SetEnabledAsync(home, "org-life", false, default));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link)).StatusCode);
        await using (var scope = _portal.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ModuleSwitchboard>().SetEnabledAsync(home, "org-life", true, default));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link)).StatusCode);

        // Moved to the other agency (no longer a member here): 404.
        var membership = await _portal.WithDbAsync(db => db.AgencyMemberships.AsNoTracking().SingleAsync(m => m.UserId == userId && m.AgencyId == home));
        await _portal.WithDbAsync(db => db.AgencyMemberships.Where(m => m.Id == membership.Id).ExecuteDeleteAsync());
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link)).StatusCode);
        }
        finally
        {
            await _portal.WithDbAsync(async db =>
            {
                db.AgencyMemberships.Add(new AgencyMembership { AgencyId = home, UserId = userId, Roles = membership.Roles });
                return await db.SaveChangesAsync();
            });
        }
    }
}
