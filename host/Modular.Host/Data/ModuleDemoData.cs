using Microsoft.EntityFrameworkCore;
using Modular.Host.Plugins;
using Modular.Host.Tenancy;
using Modular.Sdk;

namespace Modular.Host.Data;

/// <summary>
/// The modules' demo data in a demo agency: whenever a module is on there (at the first start, or turned on later, also
/// a plugin installed while the portal runs) its <see cref="IDemoDataSeeder"/>s run once for that agency. Only in a portal
/// that runs with demo data (<see cref="ModularOptions.SeedDemoData"/>) and only in agencies the demo seeding created;
/// every run is remembered (<see cref="DemoDataSeed"/>) and audited. A seeder that fails is logged and named, never thrown.
/// </summary>
public sealed class ModuleDemoData(HostDbContext db, IServiceProvider services, ModuleGate gate, ModularOptions options,
    Auditing.AuditLog audit, ILogger<ModuleDemoData> logger)
{
    /// <summary>
    /// For an agency that demo seeding just created (the first start's, or a tool's such as Modular.Seed): marks it as a
    /// demo agency and seeds every module that is on there, whatever the portal's setting. Names of modules that failed.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedDemoAgencyAsync(int agencyId, CancellationToken ct)
    {
        db.DemoDataSeeds.Add(new DemoDataSeed { AgencyId = agencyId });
        await db.SaveChangesAsync(ct);
        return await SeedPendingAsync(agencyId, ct);
    }

    /// <summary>
    /// Runs the seeders of every module that is on for the agency and has not had its demo data there yet, in dependency
    /// order (its migrations ran when it started); the names of modules whose seeding failed. Nothing outside a demo portal
    /// or a demo agency.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedModulesAsync(int agencyId, CancellationToken ct)
    {
        if (!options.SeedDemoData) return [];
        if (!await db.DemoDataSeeds.AnyAsync(d => d.AgencyId == agencyId && d.ModuleId == DemoDataSeed.Agency, ct)) return [];
        return await SeedPendingAsync(agencyId, ct);
    }

    private async Task<IReadOnlyList<string>> SeedPendingAsync(int agencyId, CancellationToken ct)
    {
        var done = await db.DemoDataSeeds.AsNoTracking().Where(d => d.AgencyId == agencyId).Select(d => d.ModuleId).ToListAsync(ct);
        var pending = gate.EnabledPlugins(agencyId).Where(p => !done.Contains(p.Id)).ToList();
        if (pending.Count == 0) return [];
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);

        var failed = new List<string>();
        foreach (var plugin in pending)
        {
            // Out of the request's flow: seeders run as at the first start, in the agency's scope and as no signed-in user.
            Task<bool?> run;
            using (ExecutionContext.SuppressFlow()) run = Task.Run(() => RunSeedersAsync(agency, plugin.Id, ct), ct);
            var outcome = await run;
            if (outcome is null) continue; // the module has no demo data
            if (outcome == false)
            {
                failed.Add(plugin.Name.Current);
                continue;
            }
            // Demo rows are many (a year of meetings): one audit line per module and agency, not one per row.
            await audit.WriteAsync("demo-data.seed", "Module:" + plugin.Id, agency.ShortName, true, ct);
            if (!await RememberAsync(agencyId, plugin.Id, ct)) logger.LogInformation("Demo data of module {Module} in agency {Agency} was seeded at the same time elsewhere", plugin.Id, agencyId);
        }
        return failed;
    }

    /// <summary>True when every seeder of the module ran, false when one failed (logged), null when it has none.</summary>
    private async Task<bool?> RunSeedersAsync(Agency agency, string moduleId, CancellationToken ct)
    {
        using var _ = AgencyScope.Use(agency.Id, agency.ShortName);
        await using var scope = services.CreateAsyncScope();
        var seeders = scope.ServiceProvider.GetServices<IDemoDataSeeder>().Where(s => s.ModuleId == moduleId).ToList();
        if (seeders.Count == 0) return null;
        try
        {
            using (Auditing.AuditSuppression.Begin())
                foreach (var seeder in seeders) await seeder.SeedAsync(seed: agency.Id * 7919, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Demo data of module {Module} failed for agency {Agency}", moduleId, agency.Id);
            return false;
        }
    }

    private async Task<bool> RememberAsync(int agencyId, string moduleId, CancellationToken ct)
    {
        var row = new DemoDataSeed { AgencyId = agencyId, ModuleId = moduleId };
        db.DemoDataSeeds.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }
}
