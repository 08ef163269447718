using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Fixture.Shelf.Data;

public sealed class ShelfItem : IAgencyOwned
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public string Title { get; set; } = "";
}

public class ShelfDbContext(DbContextOptions<ShelfDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<ShelfItem> Items => Set<ShelfItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ShelfItem>().ToTable("shelf_item");
        base.OnModelCreating(modelBuilder);
    }
}
