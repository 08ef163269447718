using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Modular.Host.Files;

/// <summary>
/// Modules' files (the SDK's <see cref="IFileStore"/>), on the agency-filtered base like a module's data.
/// The tables came with the directory's migrations and stay theirs (no data moves): this context maps them and has no
/// migrations of its own (<see cref="MapTables"/> is shared with the directory's context, which creates them).
/// </summary>
public sealed class FileDbContext(DbContextOptions<FileDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency), Auditing.IAuditedAs
{
    /// <summary>The migrations history this context would use; it has none (the directory's create its tables).</summary>
    public const string ModuleId = "files";

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<StoredFileData> StoredFileData => Set<StoredFileData>();

    /// <summary>The audit log named these rows after the directory before they had a context of their own; it still does.</summary>
    string Auditing.IAuditedAs.AuditName => "Directory";

    /// <summary>The files' tables as the directory's migrations created them.</summary>
    public static void MapTables(ModelBuilder modelBuilder, bool excludeFromMigrations = false)
    {
        modelBuilder.Entity<StoredFile>(e =>
        {
            e.ToTable("host_file", t => { if (excludeFromMigrations) t.ExcludeFromMigrations(); });
            e.HasIndex(f => new { f.AgencyId, f.ModuleId, f.OwnerKey });
            e.HasOne(f => f.Data).WithOne().HasForeignKey<StoredFileData>(d => d.Id).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StoredFileData>(e => e.ToTable("host_file_data", t => { if (excludeFromMigrations) t.ExcludeFromMigrations(); }));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        MapTables(modelBuilder, excludeFromMigrations: true);
        base.OnModelCreating(modelBuilder);
    }
}
