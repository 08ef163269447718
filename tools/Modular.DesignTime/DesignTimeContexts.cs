using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Modular.Sdk;

/// <summary>Creates a module's DbContext for `dotnet ef` outside any agency.</summary>
abstract class ModuleContextFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : ModuleDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        DesignTime.Database(args).Apply(options);
        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options, new NoAgency())!;
    }

    private sealed class NoAgency : ICurrentAgency
    {
        public int? Id => null;
        public string? Name => null;
    }
}

// One line per module with migrations (and a project reference to it in this tool's project file).
sealed class NotesContextFactory : ModuleContextFactory<Fixture.Notes.Data.NotesDbContext>;
sealed class BadContextFactory : ModuleContextFactory<Fixture.BadMigration.Data.BadDbContext>;
sealed class DirectoryContextFactory : ModuleContextFactory<Modular.Host.PartyDirectory.DirectoryDbContext>;
sealed class VolunteerContextFactory : ModuleContextFactory<Modular.Modules.Volunteer.Data.VolunteerDbContext>;
sealed class OrgLifeContextFactory : ModuleContextFactory<Modular.Modules.OrgLife.Data.OrgLifeDbContext>;
sealed class CivilizationContextFactory : ModuleContextFactory<Modular.Modules.Civilization.Data.CivilizationDbContext>;
sealed class IntegrityContextFactory : ModuleContextFactory<Modular.Modules.Integrity.Data.IntegrityDbContext>;
sealed class DevelopmentContextFactory : ModuleContextFactory<Modular.Modules.Development.Data.DevelopmentDbContext>;
sealed class TransfersContextFactory : ModuleContextFactory<Modular.Modules.Transfers.Data.TransfersDbContext>;
sealed class ElectionsContextFactory : ModuleContextFactory<Modular.Modules.Elections.Data.ElectionsDbContext>;
sealed class DuesContextFactory : ModuleContextFactory<Modular.Modules.Dues.Data.DuesDbContext>;
sealed class SupervisionContextFactory : ModuleContextFactory<Modular.Modules.Supervision.Data.SupervisionDbContext>;
sealed class StudyContextFactory : ModuleContextFactory<Modular.Modules.Study.Data.StudyDbContext>;
