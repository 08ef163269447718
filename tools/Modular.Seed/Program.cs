using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host;
using Modular.Host.Data;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Spectre.Console;

const string Usage = """
    Modular.Seed: bulk data for benchmarks, through the host's own seeding code.

    Usage: dotnet run --project tools/Modular.Seed -- --agencies 200 --members 2000 --database /tmp/bench.db
           (or --postgres "Host=127.0.0.1;Port=5433;Username=postgres;Database=modular_bench" instead of --database)

    Creates (or extends) a database with that many agencies, each with about that many members in branches
    of 20–50, using the same generator as the demo data, and each module's demo records. Data changes are not audited while seeding.

      --agencies N       agencies to create (default 200)
      --members N        members per agency, about (default 2000)
      --database FILE    SQLite database file (default modular-bench.db in the temp folder)
      --postgres CS      PostgreSQL connection string instead of --database
      --plugins DIR      plugins whose modules are turned on for every agency (default: none)
      --module-agencies N  the modules' demo records only for the first N agencies (default: every agency); the
                         modules stay on for all, so a 200 × 2,000 database with modules takes minutes, not hours
      --accounts N       sign-in accounts per agency for the soak run of Modular.Bench (default 0): about 10 % the
                         Party office, 15 % branch secretaries, the rest members, each linked to a member of the
                         directory; names a01-office1, a01-sec1, a01-m01 …, password Bench@2026
      --help             this text
    """;
if (args.Any(a => a is "--help" or "-h" or "-?" or "/?"))
{
    Console.WriteLine(Usage);
    return;
}
var agencies = Arg("--agencies", 200);
var membersPerAgency = Arg("--members", 2000);
var database = ArgText("--database", Path.Combine(Path.GetTempPath(), "modular-bench.db"));
// Plugins whose modules are turned on for every seeded agency (e.g. tests/fixture-plugins).
var plugins = ArgText("--plugins", Path.Combine(Path.GetTempPath(), "modular-seed-no-plugins"));
var accountsPerAgency = Arg("--accounts", 0, allowZero: true);
var moduleAgencies = Arg("--module-agencies", int.MaxValue, allowZero: true);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
var postgres = ArgText("--postgres", null);
builder.Configuration["Modular:DatabaseProvider"] = postgres is null ? "Sqlite" : "PostgreSql";
builder.Configuration["Modular:ConnectionString"] = postgres ?? $"Data Source={Path.GetFullPath(database!)}";
builder.Configuration["Modular:SignalSeconds"] = "0";
builder.Configuration["Modular:PluginsPath"] = Path.GetFullPath(plugins!);
builder.Configuration["Modular:SeedDemoData"] = "false";
builder.Configuration["Modular:AuditDataChanges"] = "false";
// A tool run by whoever built the plugins it is given, on a benchmark database: their build output is unsigned.
builder.Configuration["Plugins:RequireSignature"] = "false";
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var catalog = await builder.AddModularHostAsync();
await using var app = builder.Build();
await app.InitializeModularHostAsync(catalog);

var clock = Stopwatch.StartNew();
var today = DateOnly.FromDateTime(DateTime.Today);
var branchesPerAgency = Math.Max(1, membersPerAgency / 35);
var total = 0;
TimeSpan directoryTime = default, modulesTime = default, directoryCpu = default, modulesCpu = default;
var process = Process.GetCurrentProcess();
var startCpu = process.TotalProcessorTime;
await AnsiConsole.Progress()
    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
    .StartAsync(async progress =>
    {
        var task = progress.AddTask($"Seeding {agencies} agencies × ~{membersPerAgency} members", maxValue: agencies);
        for (var i = 0; i < agencies; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            var code = $"BENCH{i + 1:D4}";
            if (db.Agencies.Any(a => a.Code == code)) { task.Increment(1); continue; }
            var agency = new Agency { Name = $"XX市测试单位{i + 1:D4}", ShortName = $"测试单位{i + 1:D4}", Code = code };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            foreach (var plugin in catalog.Running)
                db.AgencyModules.Add(new AgencyModule { AgencyId = agency.Id, ModuleId = plugin.Id, Allowed = true, Enabled = true });
            await db.SaveChangesAsync();
            if (i == 0) await EnsureBenchAccountAsync(scope.ServiceProvider, agency.Id);
            using (AgencyScope.Use(agency.Id))
            {
                await using var inner = app.Services.CreateAsyncScope();
                var demo = inner.ServiceProvider.GetRequiredService<DirectoryDemoData>();
                var plan = new DirectoryDemoData.Plan($"中共{agency.Name}机关委员会",
                    Enumerable.Range(1, branchesPerAgency).Select(b => $"第{b}党支部").ToList(), [], false);
                // One transaction an agency: its ~150 saves (and their change stamps) commit once, not each on its own.
                var directory = inner.ServiceProvider.GetRequiredService<DirectoryDbContext>();
                var directoryClock = Stopwatch.StartNew();
                var directoryCpuBefore = process.TotalProcessorTime;
                DirectoryDemoData.Result result;
                // No savepoint around each save: the agency's transaction is all or nothing anyway.
                directory.Database.AutoSavepointsEnabled = false;
                await using (var tx = await directory.Database.BeginTransactionAsync())
                {
                    result = await demo.SeedAsync(plan, seed: 1000 + i, today, bulk: true);
                    await tx.CommitAsync();
                }
                directoryTime += directoryClock.Elapsed;
                process.Refresh();
                directoryCpu += process.TotalProcessorTime - directoryCpuBefore;
                total += result.MemberIds.Count;
                if (accountsPerAgency > 0) await SoakAccounts.CreateAsync(inner.ServiceProvider, agency.Id, i + 1, accountsPerAgency, result);
            }
            // A year of records in every module, from the module's own demo-data seeder.
            if (i < moduleAgencies)
            {
                var modulesClock = Stopwatch.StartNew();
                var modulesCpuBefore = process.TotalProcessorTime;
                await scope.ServiceProvider.GetRequiredService<ModuleDemoData>().SeedDemoAgencyAsync(agency.Id, default);
                modulesTime += modulesClock.Elapsed;
                process.Refresh();
                modulesCpu += process.TotalProcessorTime - modulesCpuBefore;
            }
            task.Increment(1);
        }
    });
AnsiConsole.MarkupLine($"[green]Done:[/] {agencies} agencies, {total} members added in {clock.Elapsed.TotalSeconds:F1} s → {(postgres is null ? Path.GetFullPath(database!) : "PostgreSQL")}");
process.Refresh();
AnsiConsole.MarkupLine($"Directory: {directoryTime.TotalSeconds:F1} s ({(directoryTime.TotalSeconds > 0 ? total / directoryTime.TotalSeconds : 0):F0} members a second), CPU {directoryCpu.TotalSeconds:F1} s; " +
    $"modules' demo data ({Math.Min(agencies, moduleAgencies)} agencies): {modulesTime.TotalSeconds:F1} s, CPU {modulesCpu.TotalSeconds:F1} s; " +
    $"CPU of the process: {process.TotalProcessorTime.TotalSeconds:F1} s ({(process.TotalProcessorTime - startCpu).TotalSeconds:F1} s after start-up)");

// The account the benchmark signs in with: the Party office of the first agency.
static async Task EnsureBenchAccountAsync(IServiceProvider services, int agencyId)
{
    var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
    if (await users.FindByNameAsync("bench") is not null) return;
    var user = new PortalUser { UserName = "bench", DisplayName = "压测账号", LastAgencyId = agencyId };
    var result = await users.CreateAsync(user, "Bench@2026");
    if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    var db = services.GetRequiredService<HostDbContext>();
    db.AgencyMemberships.Add(new AgencyMembership { AgencyId = agencyId, UserId = user.Id, Roles = "agency-admin,member" });
    await db.SaveChangesAsync();
}

int Arg(string name, int fallback, bool allowZero = false) =>
    int.TryParse(ArgText(name, null), out var v) && (v > 0 || allowZero && v == 0) ? v : fallback;
string? ArgText(string name, string? fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
