using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.PartyDirectory;

public sealed class RosterAtScaleTests
{
    [Fact]
    public async Task The_member_list_pages_through_100000_members()
    {
        using var portal = new PortalFactory();
        var agency = await portal.CreateAgencyAsync("BIG", "big-admin", "agency-admin,member");
        int branch;
        using (AgencyScope.Use(agency))
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var org = new Organization { Kind = OrganizationKind.Branch, Name = "大支部" };
            db.Organizations.Add(org);
            await db.SaveChangesAsync();
            org.Path = $"/{org.Id}/";
            await db.SaveChangesAsync();
            branch = org.Id;
        }
        // SQL on purpose: 100,000 rows in one statement; through the DbContext they would take minutes.
        const string columns = "INSERT INTO dir_member (\"AgencyId\", \"OrganizationId\", \"Name\", \"Gender\", \"Stage\", \"IsLeadingCadre\", \"Version\", \"PhoneMasked\") ";
        await portal.ExecAsync(TestDatabase.Sql(
            sqlite: "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 99999) " + columns
                + "SELECT @a, @o, '党员' || substr('00000' || i, -6, 6), 1, 4, FALSE, 1, '138****0000' FROM n",
            postgres: columns + "SELECT @a, @o, '党员' || lpad(i::text, 6, '0'), 1, 4, FALSE, 1, '138****0000' FROM generate_series(0, 99999) AS i"),
            ("@a", agency), ("@o", branch));
        var client = await portal.SignedInAsync("big-admin");
        var last = await client.GetStringAsync("/Directory/Members?p=5000");
        Assert.Contains("第 5000/5000 页", last);
        Assert.Contains("共 100000 条", last);
        Assert.Contains("党员099999", last);
        var filtered = await client.GetStringAsync("/Directory/Members?q=党员0500&sort=-name");
        Assert.Contains("共 100 条", filtered);
        Assert.True(filtered.IndexOf("党员050099", StringComparison.Ordinal) < filtered.IndexOf("党员050090", StringComparison.Ordinal));
    }
}
