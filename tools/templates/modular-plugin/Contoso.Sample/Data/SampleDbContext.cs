using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Contoso.Sample.Data;

/// <summary>A record of one agency (filtered and stamped by the SDK), edited with a concurrency stamp.</summary>
public sealed class SampleRecord : IAgencyOwned, IVersioned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    [MaxLength(SampleRules.TitleMaxLength)] public string Title { get; set; } = "";
    public long Version { get; set; }
}

/// <summary>
/// The plugin's tables, on the portal's database with their own migrations history. Migrations: one set per provider
/// (Data/Migrations/Sqlite and Data/Migrations/PostgreSql), each with a snapshot of its own name (README.md).
/// </summary>
public class SampleDbContext(DbContextOptions<SampleDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<SampleRecord> Records => Set<SampleRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SampleRecord>().ToTable("sample_plugin_record");
        base.OnModelCreating(modelBuilder);
    }
}
