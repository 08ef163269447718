using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Notifications;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Notifications;

/// <summary>Notices to members: the bell's count, 我的消息, reading, and agency isolation.</summary>
public sealed class NotificationTests : IClassFixture<NotificationTests.Portal>
{
    public sealed class Portal() : PortalFactory("notes");
    private readonly Portal _portal;
    public NotificationTests(Portal portal) => _portal = portal;

    private async Task<T> InAgencyAsync<T>(int agencyId, Func<IServiceProvider, Task<T>> work)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = _portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private Task<int> MemberIdAsync(int agencyId, string name) =>
        InAgencyAsync(agencyId, sp => sp.GetRequiredService<DirectoryDbContext>().Members.Where(m => m.Name == name).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task A_member_sees_a_notice_on_the_bell_opens_it_and_it_is_read()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var member = await MemberIdAsync(demo, "李晓梅");
        await InAgencyAsync(demo, async sp =>
        {
            var notices = sp.GetRequiredService<INotifications>();
            await notices.SendAsync("notes", [member], new Notice("志愿活动“社区清洁日”已取消", "因天气原因取消，改期另行通知。", "/m/notes"));
            await notices.SendAsync("notes", [member], new Notice("外部链接不会保留", Url: "https://example.com/phish"));
            return 0;
        });

        var client = await _portal.SignedInAsync("member");
        var home = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"unread\">2<", home);
        var list = await client.GetStringAsync("/Notifications");
        Assert.Contains("志愿活动“社区清洁日”已取消", list);
        Assert.Contains("因天气原因取消", list);

        var id = await InAgencyAsync(demo, sp => sp.GetRequiredService<NotificationDbContext>().Notifications
            .Where(n => n.Title.StartsWith("志愿活动")).Select(n => n.Id).SingleAsync());
        var open = await client.PostFormAsync("/Notifications", new Dictionary<string, string>(), $"/Notifications?handler=Open&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/m/notes", open.Headers.Location!.ToString());
        Assert.Contains("data-testid=\"unread\">1<", await client.GetStringAsync("/"));

        var phishing = await InAgencyAsync(demo, sp => sp.GetRequiredService<NotificationDbContext>().Notifications
            .Where(n => n.Title == "外部链接不会保留").Select(n => n.Url).SingleAsync());
        Assert.Null(phishing);
        await client.PostFormAsync("/Notifications", new Dictionary<string, string>(), "/Notifications?handler=ReadAll");
        Assert.DoesNotContain("data-testid=\"unread\"", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Notices_stay_in_their_agency_and_with_their_member()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var other = await InAgencyAsync(demo, _ => _portal.WithDbAsync(db => db.Agencies.Where(a => a.Id != demo).Select(a => a.Id).FirstAsync()));
        var foreigner = await InAgencyAsync(other, sp => sp.GetRequiredService<DirectoryDbContext>().Members.Select(m => m.Id).FirstAsync());
        var colleague = await MemberIdAsync(demo, "张国强"); // the secretary, not the member account
        await InAgencyAsync(demo, async sp =>
        {
            // Sent in the demo agency to a member of another agency: ignored.
            await sp.GetRequiredService<INotifications>().SendAsync("notes", [foreigner, colleague], new Notice("只发给本单位党员"));
            return 0;
        });
        Assert.Equal(0, await InAgencyAsync(other, sp => sp.GetRequiredService<NotificationDbContext>().Notifications.CountAsync()));
        var member = await _portal.SignedInAsync("member");
        Assert.DoesNotContain("只发给本单位党员", await member.GetStringAsync("/Notifications"));
        var secretary = await _portal.SignedInAsync("secretary");
        Assert.Contains("只发给本单位党员", await secretary.GetStringAsync("/Notifications"));
    }
}
