using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Fixture.Notes.Data;

public class NotesDbContext(DbContextOptions<NotesDbContext> options, ICurrentAgency agency) : ModuleDbContext(options, agency)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>().ToTable("notes_note");
        base.OnModelCreating(modelBuilder);
    }
}
