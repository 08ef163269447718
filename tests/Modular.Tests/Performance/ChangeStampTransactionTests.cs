using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Performance;

/// <summary>
/// The change stamp is bumped once per agency right before a transaction commits (host/Modular.Host/Data/AgencyChanges.cs):
/// after a save, once for a caller's transaction of several saves or of several contexts sharing it, never for what is
/// rolled back; and the stamp row is not locked while the transaction is still saving, so the agency's other saves go on.
/// After a stale save SQLite rolls the save's own transaction back at once, PostgreSQL at the context's next save.
/// </summary>
public sealed class ChangeStampTransactionTests : IClassFixture<ChangeStampTransactionTests.Portal>
{
    public sealed class Portal() : PortalFactory();

    // Only a guard against a hang: the tests assert what happened, never how long it took.
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly Portal _portal;
    public ChangeStampTransactionTests(Portal portal) => _portal = portal;

    private async Task<long> StampAsync(int agencyId)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = _portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAgencyCache>().StampAsync();
    }

    /// <summary>A directory context of its own scope (its own connection), in the agency.</summary>
    private async Task<T> InAgencyAsync<T>(int agencyId, Func<DirectoryDbContext, Task<T>> work)
    {
        using var _ = AgencyScope.Use(agencyId);
        await using var scope = _portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
    }

    private static async Task<List<Organization>> OrganizationsAsync(DirectoryDbContext db, int count) =>
        await db.Organizations.OrderBy(o => o.Id).Take(count).ToListAsync();

    [Fact]
    public async Task A_save_moves_the_stamp_once()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var before = await StampAsync(agency);
        await InAgencyAsync(agency, async db =>
        {
            var orgs = await OrganizationsAsync(db, 2);
            foreach (var org in orgs) org.SortOrder++;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(before + 1, await StampAsync(agency));
    }

    [Fact]
    public async Task A_transaction_of_several_saves_moves_the_stamp_once_at_its_commit()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var before = await StampAsync(agency);
        await InAgencyAsync(agency, async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var orgs = await OrganizationsAsync(db, 2);
            orgs[0].SortOrder++;
            await db.SaveChangesAsync();
            orgs[1].SortOrder++;
            await db.SaveChangesAsync();
            // Not yet: nothing of the transaction is visible elsewhere, its stamp neither.
            Assert.Equal(before, await StampAsync(agency));
            await tx.CommitAsync();
            return 0;
        });
        Assert.Equal(before + 1, await StampAsync(agency));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_the_stamp_and_the_next_one_moves_it_once()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var before = await StampAsync(agency);
        await InAgencyAsync(agency, async db =>
        {
            var org = (await OrganizationsAsync(db, 1))[0];
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                org.SortOrder++;
                await db.SaveChangesAsync();
                await tx.RollbackAsync();
            }
            Assert.Equal(before, await StampAsync(agency));

            // The connection (and a pooled transaction object) is used again: nothing of the rolled-back one is carried.
            await db.Entry(org).ReloadAsync();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await tx.CommitAsync();
            }
            Assert.Equal(before, await StampAsync(agency));
            org.SortOrder++;
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(before + 1, await StampAsync(agency));
    }

    [Fact]
    public async Task A_stale_save_leaves_the_stamp_even_after_its_context_is_gone()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var before = await StampAsync(agency);
        await InAgencyAsync(agency, async db =>
        {
            var org = (await OrganizationsAsync(db, 1))[0];
            db.Entry(org).Property(o => o.Version).OriginalValue = org.Version - 1;
            org.SortOrder++;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
            return 0;
        });
        Assert.Equal(before, await StampAsync(agency));
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

    [Fact]
    public async Task Two_contexts_sharing_one_transaction_move_the_stamp_once_when_the_owner_commits()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var before = await StampAsync(agency);
        await InAgencyAsync(agency, async owner =>
        {
            await using var tx = await owner.Database.BeginTransactionAsync();
            var orgs = await OrganizationsAsync(owner, 2);
            orgs[0].SortOrder++;
            await owner.SaveChangesAsync();
            // A second context on the owner's connection and transaction (as the file store and a transfer's modules join).
            await InAgencyAsync(agency, async joined =>
            {
                joined.Database.SetDbConnection(owner.Database.GetDbConnection());
                await joined.Database.UseTransactionAsync(tx.GetDbTransaction());
                var org = await joined.Organizations.SingleAsync(o => o.Id == orgs[1].Id);
                org.SortOrder++;
                await joined.SaveChangesAsync();
                joined.Database.UseTransaction(null);
                return 0;
            });
            Assert.Equal(before, await StampAsync(agency));
            await tx.CommitAsync();
            return 0;
        });
        Assert.Equal(before + 1, await StampAsync(agency));
    }

    [Fact]
    public async Task Only_a_joined_context_saving_still_moves_the_stamp_at_the_owners_commit()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var before = await StampAsync(agency);
        await InAgencyAsync(agency, async owner =>
        {
            await using var tx = await owner.Database.BeginTransactionAsync();
            var id = (await OrganizationsAsync(owner, 1))[0].Id;
            await InAgencyAsync(agency, async joined =>
            {
                joined.Database.SetDbConnection(owner.Database.GetDbConnection());
                await joined.Database.UseTransactionAsync(tx.GetDbTransaction());
                (await joined.Organizations.SingleAsync(o => o.Id == id)).SortOrder++;
                await joined.SaveChangesAsync();
                joined.Database.UseTransaction(null);
                return 0;
            });
            await tx.CommitAsync();
            return 0;
        });
        Assert.Equal(before + 1, await StampAsync(agency));
    }

    /// <summary>
    /// Before the stamp was taken last, the open transaction held the agency's stamp row from its first save and every
    /// other save of the agency waited for its commit (on PostgreSQL 200 exam starts of one agency ran the pool dry).
    /// </summary>
    [PostgreSqlFact]
    public async Task While_a_transaction_of_the_agency_is_open_another_save_of_the_agency_commits()
    {
        var agency = await _portal.DemoAgencyIdAsync();
        var before = await StampAsync(agency);
        var ids = await InAgencyAsync(agency, async db => (await OrganizationsAsync(db, 2)).Select(o => o.Id).ToList());
        await InAgencyAsync(agency, async open =>
        {
            await using var tx = await open.Database.BeginTransactionAsync();
            (await open.Organizations.SingleAsync(o => o.Id == ids[0])).SortOrder++;
            await open.SaveChangesAsync();

            var other = InAgencyAsync(agency, async db =>
            {
                (await db.Organizations.SingleAsync(o => o.Id == ids[1])).SortOrder++;
                return await db.SaveChangesAsync();
            });
            try
            {
                // Waited for with the first transaction still open: before the change this never finished.
                await other.WaitAsync(HangGuard);
                Assert.Equal(before + 1, await StampAsync(agency));
            }
            finally
            {
                await tx.CommitAsync();
                await other; // the old code's blocked save goes on once the commit lets the row go
            }
            return 0;
        });
        Assert.Equal(before + 2, await StampAsync(agency));
    }
}
