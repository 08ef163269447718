using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.PartyDirectory;

/// <summary>
/// The migration MemberStageSituation reads the old single status as <see cref="LegacyMemberStatus"/> does: rows written
/// under the old schema, migrated up, come out with the stage and situation the rule gives.
/// </summary>
public sealed class MemberStageMigrationTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Old_statuses_become_stages_and_situations_as_the_rule_says()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var branch = await _portal.InContextAsync<DirectoryDbContext, int>(db => db.Organizations.IgnoreQueryFilters()
            .Where(o => o.AgencyId == agency && o.Kind == OrganizationKind.Branch).Select(o => o.Id).FirstAsync());
        // The migration compares with the database's own today, not the portal's test clock.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var recent = today.AddMonths(-3);
        (string Name, int Status, DateOnly? Joined, DateOnly? Full)[] old =
        [
            ("旧申请", 0, null, null), ("旧预备", 3, recent, null), ("旧正式", 4, new(2001, 7, 1), new(2002, 7, 1)),
            ("旧转出", 5, new(2005, 7, 1), new(2006, 7, 1)), ("旧流动", 6, new(2010, 7, 1), new(2011, 7, 1)), ("旧流动预备", 6, recent, null),
            ("旧失联", 7, new(1999, 7, 1), null), ("旧已故", 8, null, null),
        ];

        await _portal.InContextAsync<DirectoryDbContext, int>(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var all = db.Database.GetMigrations().ToList();
            var mine = all.FindIndex(m => m.EndsWith("_MemberStageSituation"));
            await migrator.MigrateAsync(all[mine - 1]);
            foreach (var (name, status, joined, full) in old)
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "dir_member" ("AgencyId", "OrganizationId", "Name", "Gender", "Status", "JoinedDate", "FullMemberDate", "IsLeadingCadre", "Version")
                    VALUES ({agency}, {branch}, {name}, 0, {status}, {joined}, {full}, FALSE, 1)
                    """);
            await migrator.MigrateAsync();
            return 0;
        });

        using var _ = AgencyScope.Use(agency);
        var names = old.Select(o => o.Name).ToList();
        var migrated = await _portal.InContextAsync<DirectoryDbContext, Dictionary<string, (MemberStage, MemberSituation)>>(db =>
            db.Members.Where(m => names.Contains(m.Name)).ToDictionaryAsync(m => m.Name, m => (m.Stage, m.Situation)));
        foreach (var (name, status, joined, full) in old)
            Assert.Equal(LegacyMemberStatus.Map(status, joined, full, today), migrated[name]);
        Assert.Equal((MemberStage.ProbationaryMember, MemberSituation.Mobile), migrated["旧流动预备"]);
        Assert.Equal((MemberStage.FullMember, MemberSituation.LostContact), migrated["旧失联"]);
    }
}
