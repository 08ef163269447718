using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Modular.Sdk.Testing;

/// <summary>
/// A module's <see cref="ModuleDbContext"/> on an in-memory SQLite database that lives as long as this object, with the
/// tables of the context's model (created from the model, not the migrations: the portal tests those). Every context it
/// makes sees the agency of <see cref="Agency"/>, so the SDK's agency filter and stamps apply as in the portal; set the
/// fake agency's id to act as another agency.
/// </summary>
/// <typeparam name="TContext">The module's context; its constructor takes (<c>DbContextOptions&lt;TContext&gt;</c>, <see cref="ICurrentAgency"/>).</typeparam>
public sealed class InMemoryModuleDatabase<TContext> : IDisposable where TContext : ModuleDbContext
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly Func<DbContextOptions<TContext>, ICurrentAgency, TContext> _create;

    /// <summary>Opens the database and creates the model's tables.</summary>
    /// <param name="agency">The agency the contexts see; a new <see cref="FakeAgency"/> (agency 1) when null.</param>
    /// <param name="create">Makes a context from options and the agency; the context's (options, agency) constructor when null.</param>
    public InMemoryModuleDatabase(FakeAgency? agency = null, Func<DbContextOptions<TContext>, ICurrentAgency, TContext>? create = null)
    {
        Agency = agency ?? new FakeAgency();
        _create = create ?? ((options, a) => (TContext)Activator.CreateInstance(typeof(TContext), options, a)!);
        _connection.Open();
        Options = new DbContextOptionsBuilder<TContext>().UseSqlite(_connection).Options;
        using var db = CreateContext();
        db.Database.EnsureCreated();
    }

    /// <summary>The agency every context of this database sees.</summary>
    public FakeAgency Agency { get; }

    /// <summary>The options of the contexts (SQLite on the open in-memory connection).</summary>
    public DbContextOptions<TContext> Options { get; }

    /// <summary>A new context: use one for the code under test and another to read what it saved.</summary>
    public TContext CreateContext() => _create(Options, Agency);

    /// <summary>Closes the connection: the database is gone.</summary>
    public void Dispose() => _connection.Dispose();
}
