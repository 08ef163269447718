using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Operations;

/// <summary>A database from Modular.Seed (bulk members) is one the portal serves: its personal data decrypts with the key ring the tool left in it.</summary>
public sealed class SeedToolTests : IDisposable
{
    private readonly string _dir = PortalFactory.NewWorkDir();

    [Fact]
    public async Task The_portal_serves_a_seeded_database_and_reads_its_protected_numbers()
    {
        var connectionString = TestDatabase.ConnectionString(_dir);
        string[] target = TestDatabase.IsPostgreSql ? ["--postgres", connectionString] : ["--database", Path.Combine(_dir, "modular.db")];
        using (var seed = new HostProcess(HostProcess.BuiltDll("tools/Modular.Seed", "Modular.Seed"),
            ["--agencies", "2", "--members", "50", "--module-agencies", "0", .. target]))
        {
            Assert.True(await seed.ExitedAsync(TimeSpan.FromMinutes(3)), "Still running: " + string.Join('\n', seed.Output));
            Assert.True(seed.ExitCode == 0, string.Join('\n', seed.Output.Concat(seed.Errors)));
        }

        using var portal = new PortalFactory(_dir, []);
        portal.Settings["Modular:SeedDemoData"] = "false";
        var office = await portal.SignedInAsync("bench", "Bench@2026");
        var agencies = await portal.WithDbAsync(db => db.Agencies.Where(a => a.Code.StartsWith("BENCH")).OrderBy(a => a.Code).Select(a => a.Id).ToListAsync());
        Assert.Equal(2, agencies.Count);

        foreach (var agencyId in agencies)
        {
            using var agencyScope = AgencyScope.Use(agencyId);
            await using var scope = portal.Services.CreateAsyncScope();
            var members = await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Members.AsNoTracking().ToListAsync();
            Assert.InRange(members.Count, 20, 50); // 50 members: one branch of 20–50
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            foreach (var m in members)
            {
                Assert.Equal(m.IdNumberMasked, Mask.IdNumber(protector.Unprotect(m.IdNumberProtected)!));
                Assert.Equal(m.PhoneMasked, Mask.Phone(protector.Unprotect(m.PhoneProtected)!));
                Assert.Equal(1, m.Version);
            }
            if (agencyId != agencies[0]) continue;
            // The bench account (Party office of the first agency) sees its roster on the members list.
            var page = await office.GetStringAsync("/Directory/Members");
            Assert.Contains(members, m => page.Contains(m.Name));
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
