using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Fixture.BadMigration.Data;

public sealed class Thing : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Name { get; set; } = "";
}

public class BadDbContext(DbContextOptions<BadDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<Thing> Things => Set<Thing>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Thing>().ToTable("bad_thing");
        base.OnModelCreating(modelBuilder);
    }
}
