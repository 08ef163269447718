using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Performance;

/// <summary>
/// The change stamp after a stale save (host/Modular.Host/Data/AgencyChanges.cs): SQLite rolls the stale save's stamp
/// transaction back at once, PostgreSQL at the context's next save. Either way the next save on the same context
/// commits its data and its stamp, seen from another connection before the context is gone.
/// </summary>
public sealed class StaleSaveStampTests : IClassFixture<StaleSaveStampTests.Portal>
{
    public sealed class Portal() : PortalFactory();

    private readonly Portal _portal;
    public StaleSaveStampTests(Portal portal) => _portal = portal;

    private async Task<long> StampAsync(int agencyId)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAgencyCache>().StampAsync();
    }

    private async Task<T> InAgencyAsync<T>(int agencyId, Func<DirectoryDbContext, Task<T>> work)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = _portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
    }

    [Fact]
    public async Task After_a_stale_save_the_next_save_on_the_same_context_commits_and_bumps_the_stamp()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var before = await StampAsync(agency);

        await InAgencyAsync(agency, async db =>
        {
            var org = await db.Organizations.OrderBy(o => o.Id).FirstAsync();
            var order = org.SortOrder;
            // Saved as the version before: someone else saved first.
            db.Entry(org).Property(o => o.Version).OriginalValue = org.Version - 1;
            org.SortOrder = order + 1;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            Assert.Equal(before, await StampAsync(agency));

            // Read again and saved again on the same context, as a page's retry does.
            await db.Entry(org).ReloadAsync();
            org.SortOrder = order + 2;
            await db.SaveChangesAsync();

            // Committed while the context still lives: another connection sees the change and the new stamp.
            Assert.Null(db.Database.CurrentTransaction);
            Assert.Equal(order + 2, await InAgencyAsync(agency, other => other.Organizations.AsNoTracking().Where(o => o.Id == org.Id).Select(o => o.SortOrder).SingleAsync()));
            Assert.Equal(before + 1, await StampAsync(agency));
            return 0;
        });
    }
}
