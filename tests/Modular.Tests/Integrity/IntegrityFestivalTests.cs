using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Modules.Integrity.Domain;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Integrity;

/// <summary>Festival reminders through the host's scheduled jobs: the right day, once, only the agency's members, not where the module is off.</summary>
public sealed class IntegrityFestivalTests : IClassFixture<IntegrityFestivalTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityFestivalTests(Portal portal) => _portal = portal;

    private Task<int> NoticesAsync(int agencyId) =>
        _portal.NoticeCountAsync(agencyId, moduleId: "integrity");

    [Fact]
    public async Task A_reminder_goes_to_every_member_once_from_the_set_days_before_and_not_where_the_module_is_off()
    {
        var demo = await _portal.DemoAgencyIdAsync();
        var second = await _portal.WithDbAsync(db => db.Agencies.Where(a => a.Id != demo).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        // The second demo agency turns the module off.
        await using (var scope = _portal.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<Modular.Host.Shell.Modules.ModuleSwitchboard>().SetEnabledAsync(second, "integrity", false, default));

        // Spring Festival 2027 is on 6 February; the default is 3 days before.
        await _portal.RunJobsAsync(new DateOnly(2027, 2, 2));
        Assert.Equal(0, await NoticesAsync(demo));
        await _portal.RunJobsAsync(new DateOnly(2027, 2, 3));
        var members = await _portal.MembersOnTheRollAsync(demo);
        Assert.Equal(members, await NoticesAsync(demo));
        Assert.Equal(members, await _portal.NoticeCountAsync(demo, "节日廉洁提醒：春节"));
        // Later runs (the same day, the next day, the festival itself) send nothing more.
        await _portal.RunJobsAsync(new DateOnly(2027, 2, 3));
        await _portal.RunJobsAsync(new DateOnly(2027, 2, 6));
        Assert.Equal(members, await NoticesAsync(demo));
        Assert.Equal(1, await _portal.FestivalRemindersSentAsync(demo));
        Assert.Equal(0, await NoticesAsync(second));

        // The member sees it under 我的消息; the calendar page says it went out.
        var member = await _portal.SignedInAsync("member");
        Assert.Contains("节日廉洁提醒：春节", await member.GetStringAsync("/Notifications"));
        Assert.Contains("已于", await (await _portal.SignedInAsync("office")).GetStringAsync("/m/integrity/Festivals?year=2027"));

        // A festival switched off is not reminded.
        await _portal.SwitchFestivalOffAsync(demo, 2027, Festival.Qingming);
        await _portal.RunJobsAsync(new DateOnly(2027, 4, 4));
        Assert.Equal(members, await NoticesAsync(demo));
    }
}
