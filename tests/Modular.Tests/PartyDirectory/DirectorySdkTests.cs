using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.PartyDirectory;

public sealed class DirectorySdkTests
{
    [Fact]
    public async Task A_plugin_reads_the_directory_through_the_SDK_in_its_own_agency()
    {
        using var portal = new PortalFactory("notes");
        var member = await portal.SignedInAsync("member");
        var json = System.Text.Json.JsonDocument.Parse(await member.GetStringAsync("/m/notes/api/directory")).RootElement;
        Assert.Equal("李晓梅", json.GetProperty("me").GetString());
        Assert.True(json.GetProperty("organizations").GetInt32() >= 5);
        Assert.False(json.GetProperty("agencyWide").GetBoolean());
        var office = await portal.SignedInAsync("office");
        Assert.True(System.Text.Json.JsonDocument.Parse(await office.GetStringAsync("/m/notes/api/directory")).RootElement.GetProperty("agencyWide").GetBoolean());
        // Every committee post of the agency at once: the same as asking organisation by organisation.
        Assert.True(json.GetProperty("posts").GetInt32() >= 3);
        Assert.Equal(json.GetProperty("postsOneByOne").GetInt32(), json.GetProperty("posts").GetInt32());
        // The whole roster at once: the same people as under the agency's top organisations.
        Assert.True(json.GetProperty("members").GetInt32() >= 10);
        Assert.Equal(json.GetProperty("membersByRoot").GetInt32(), json.GetProperty("members").GetInt32());
        Assert.True(json.GetProperty("meListed").GetBoolean());
        await portal.CreateAgencyAsync("SDK2", "sdk2-admin", "agency-admin,member", "notes");
        var other = await portal.SignedInAsync("sdk2-admin");
        var otherJson = System.Text.Json.JsonDocument.Parse(await other.GetStringAsync("/m/notes/api/directory")).RootElement;
        Assert.Equal(0, otherJson.GetProperty("organizations").GetInt32());
        Assert.Equal(0, otherJson.GetProperty("posts").GetInt32());
        Assert.Equal(0, otherJson.GetProperty("members").GetInt32());
    }

    [Fact]
    public async Task Members_by_id_come_from_the_current_agency_only_and_a_long_list_works()
    {
        using var portal = new PortalFactory();
        var demoAgency = await portal.DemoAgencyIdAsync();
        var otherAgency = await portal.CreateAgencyAsync("IDS2", "ids2-admin", "agency-admin,member");
        async Task<T> InAsync<T>(int agencyId, Func<IDirectory, DirectoryDbContext, Task<T>> work)
        {
            using var _ = AgencyScope.Use(agencyId);
            await using var scope = portal.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<IDirectory>(), scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
        }
        using (AgencyScope.Use(otherAgency))
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DirectoryDemoData>()
                .SeedAsync(new DirectoryDemoData.Plan("中共第二测试机关委员会", ["第一党支部"], [], false), seed: 11, new DateOnly(2026, 11, 23));
        }
        var demoIds = await InAsync(demoAgency, (_, db) => db.Members.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        var otherIds = await InAsync(otherAgency, (_, db) => db.Members.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        Assert.NotEmpty(otherIds);
        Assert.Empty(demoIds.Intersect(otherIds));

        // A few of the agency's own, another agency's and unknown ids: only the agency's own come back, once each.
        var few = await InAsync(demoAgency, (d, _) => d.GetMembersAsync([demoIds[0], demoIds[1], demoIds[1], otherIds[0], int.MaxValue, -5]));
        Assert.Equal([demoIds[0], demoIds[1]], few.Select(m => m.Id).Order().ToList());
        var single = await InAsync(demoAgency, (d, _) => d.GetMemberAsync(demoIds[0]));
        Assert.Equal(single, few.Single(m => m.Id == demoIds[0]));
        Assert.Empty(await InAsync(otherAgency, (d, _) => d.GetMembersAsync(demoIds)));
        Assert.Equal(otherIds, (await InAsync(otherAgency, (d, _) => d.GetMembersAsync(otherIds))).Select(m => m.Id).Order().ToList());

        // More ids than either database takes as parameters in one statement.
        var longList = demoIds.Concat(Enumerable.Range(10_000_000, 70_000)).Concat(otherIds).ToList();
        var all = await InAsync(demoAgency, (d, _) => d.GetMembersAsync(longList));
        var roster = await InAsync(demoAgency, (d, _) => d.GetAllMembersAsync());
        Assert.Equal(demoIds, all.Select(m => m.Id).Order().ToList());
        Assert.Equal(roster.OrderBy(m => m.Id).ToList(), all.OrderBy(m => m.Id).ToList());
        Assert.Empty(await InAsync(demoAgency, (d, _) => d.GetMembersAsync([])));

        // One scope keeps what it read, per agency: a later change is not seen within the scope, and another agency
        // current in the same scope reads its own members, not the kept ones.
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<IDirectory>();
            using (AgencyScope.Use(demoAgency))
            {
                var before = (await directory.GetMembersAsync([demoIds[0]])).Single().Name;
                await portal.RenameMemberAsync(demoIds[0], "Kept-in-scope");
                Assert.Equal(before, (await directory.GetMembersAsync([demoIds[0]])).Single().Name);
                Assert.Equal(demoIds, (await directory.GetAllMembersAsync()).Select(m => m.Id).Order().ToList());
            }
            using (AgencyScope.Use(otherAgency))
            {
                Assert.Empty(await directory.GetMembersAsync([demoIds[0]]));
                Assert.Equal(otherIds, (await directory.GetAllMembersAsync()).Select(m => m.Id).Order().ToList());
            }
        }
        Assert.Equal("Kept-in-scope", (await InAsync(demoAgency, (d, _) => d.GetMembersAsync([demoIds[0]]))).Single().Name);
    }

    [Fact]
    public async Task The_same_seed_and_date_give_the_same_roster()
    {
        async Task<List<string>> SeedAsync()
        {
            using var portal = new PortalFactory();
            portal.Settings["Modular:SeedDemoData"] = "false";
            _ = portal.Server;
            using var agencyScope = AgencyScope.Use(4242);
            await using var scope = portal.Services.CreateAsyncScope();
            var demo = scope.ServiceProvider.GetRequiredService<DirectoryDemoData>();
            await demo.SeedAsync(new DirectoryDemoData.Plan("中共测试机关委员会", ["第一党支部", "第二党支部"], ["窗口党支部"], false), seed: 7, new DateOnly(2026, 11, 23));
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            return await db.Members.OrderBy(m => m.Id).Select(m => m.Name + "|" + m.IdNumberMasked + "|" + m.Stage + "|" + m.Situation + "|" + m.ActivistDate).ToListAsync();
        }
        var first = await SeedAsync();
        var second = await SeedAsync();
        Assert.True(first.Count >= 40);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Bulk_seeding_writes_the_rows_the_tracked_save_writes()
    {
        // Every column of every row (protected numbers decrypted: their ciphertexts differ by a random IV each time),
        // and the agency's change stamp, written in the same transaction as the tree.
        async Task<List<string>> SeedAsync(bool bulk)
        {
            using var portal = new PortalFactory();
            portal.Settings["Modular:SeedDemoData"] = "false";
            _ = portal.Server;
            using var agencyScope = AgencyScope.Use(4242);
            await using var scope = portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await scope.ServiceProvider.GetRequiredService<DirectoryDemoData>().SeedAsync(
                    new DirectoryDemoData.Plan("中共测试机关委员会", ["第一党支部", "第二党支部", "第三党支部", "第四党支部", "第五党支部"], ["窗口党支部"], true),
                    seed: 7, new DateOnly(2026, 11, 23), bulk: bulk);
                await tx.CommitAsync();
            }
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            var rows = new List<string>();
            foreach (var m in await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
            {
                (m.IdNumberProtected, m.PhoneProtected) = (protector.Unprotect(m.IdNumberProtected), protector.Unprotect(m.PhoneProtected));
                rows.Add(System.Text.Json.JsonSerializer.Serialize(m));
            }
            rows.AddRange((await db.Organizations.AsNoTracking().OrderBy(o => o.Id).ToListAsync()).Select(o => System.Text.Json.JsonSerializer.Serialize(o)));
            rows.AddRange((await db.Posts.AsNoTracking().OrderBy(p => p.Id).ToListAsync()).Select(p => System.Text.Json.JsonSerializer.Serialize(p)));
            rows.Add("stamped: " + await db.AgencyChanges.AnyAsync(c => c.AgencyId == 4242 && c.Stamp > 0));
            return rows;
        }
        var tracked = await SeedAsync(bulk: false);
        var bulk = await SeedAsync(bulk: true);
        Assert.True(tracked.Count > 150);
        Assert.Contains("stamped: True", tracked);
        Assert.Contains(tracked, r => r.Contains("\"IdNumberProtected\":\"4") || r.Contains("\"IdNumberProtected\":\"3"));
        Assert.Equal(tracked, bulk);
    }
}
