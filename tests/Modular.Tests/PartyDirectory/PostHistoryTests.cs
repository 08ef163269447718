using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.PartyDirectory;

/// <summary>A post that ends stays on record: current readers no longer see it, the history of the period does.</summary>
public sealed class PostHistoryTests
{
    private static async Task<T> InDemoAgencyAsync<T>(PortalFactory portal, Func<IDirectory, DirectoryDbContext, Task<T>> work)
    {
        using var _ = AgencyScope.Use(await portal.DemoAgencyIdAsync());
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IDirectory>(), scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
    }

    /// <summary>The demo secretary's branch, the secretary, and a full member of it without any post.</summary>
    private static Task<(int Branch, int Secretary, int Plain)> SecretaryBranchAsync(PortalFactory portal) => InDemoAgencyAsync(portal, async (_, db) =>
    {
        var old = await db.Members.SingleAsync(m => m.Name == "张国强");
        var plain = await db.Members.Where(m => m.OrganizationId == old.OrganizationId && m.Status == MemberStatus.FullMember)
            .Where(m => !db.Posts.Any(p => p.MemberId == m.Id)).Select(m => m.Id).FirstAsync();
        return (old.OrganizationId, old.Id, plain);
    });

    [Fact]
    public async Task A_secretary_changed_through_the_page_stays_in_the_history_of_the_year()
    {
        using var portal = new PortalFactory();
        var (branch, oldSecretary, successor) = await SecretaryBranchAsync(portal);
        var office = await portal.SignedInAsync("office");
        var page = $"/Directory/Organizations/Details/{branch}";
        var removed = await office.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=RemovePost&memberId={oldSecretary}&post=Secretary");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var added = await office.PostFormAsync(page, new Dictionary<string, string> { ["memberId"] = successor.ToString(), ["post"] = "Secretary" }, $"{page}?handler=AddPost");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var today = portal.Today;
        var (current, history, all) = await InDemoAgencyAsync(portal, async (d, _) =>
            (await d.GetPostsAsync(branch), await d.GetPostHistoryAsync(branch, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)), await d.GetAllPostsAsync()));
        Assert.Equal([successor], current.Where(p => p.Post == CommitteePost.Secretary).Select(p => p.MemberId));
        Assert.All(current, p => Assert.Null(p.Until));
        Assert.DoesNotContain(all, p => p.MemberId == oldSecretary && p.Post == CommitteePost.Secretary);
        var secretaries = history.Where(p => p.Post == CommitteePost.Secretary).ToList();
        Assert.Equal([oldSecretary, successor], secretaries.Select(p => p.MemberId));
        Assert.Equal(today, secretaries[0].Until);
        Assert.Equal(today, secretaries[1].Since);
        Assert.Null(secretaries[1].Until);
        // Before the old secretary took the post (the term start), nobody held it in this record.
        var termStart = secretaries[0].Since!.Value;
        Assert.Empty(await InDemoAgencyAsync(portal, (d, _) => d.GetPostHistoryAsync(branch, termStart.AddYears(-2), termStart.AddDays(-1))));
        // The former secretary's committee scope ends with the post.
        Assert.False(await InDemoAgencyAsync(portal, (_, db) => db.CurrentPosts.AnyAsync(p => p.MemberId == oldSecretary)));
    }

    [Fact]
    public async Task A_post_given_by_mistake_and_removed_the_same_day_leaves_no_history()
    {
        using var portal = new PortalFactory();
        var (branch, _, member) = await SecretaryBranchAsync(portal);
        var office = await portal.SignedInAsync("office");
        var page = $"/Directory/Organizations/Details/{branch}";
        await office.PostFormAsync(page, new Dictionary<string, string> { ["memberId"] = member.ToString(), ["post"] = "CommitteeMember" }, $"{page}?handler=AddPost");
        await office.PostFormAsync(page, new Dictionary<string, string>(), $"{page}?handler=RemovePost&memberId={member}&post=CommitteeMember");
        Assert.False(await InDemoAgencyAsync(portal, (_, db) => db.Posts.AnyAsync(p => p.MemberId == member)));
    }
}
