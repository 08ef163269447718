using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Modular.Sdk;

/// <summary>
/// A member who moved by an accepted transfer (<see cref="IMemberTransfers"/>): from which agency, record and organisation
/// to which. Within an agency the member keeps their id (<see cref="FromMemberId"/> = <see cref="ToMemberId"/>); between
/// agencies the receiving agency has a record of its own and the sending one keeps the old record as transferred out.
/// Since 1.5.0.
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="FromAgencyId">The sending agency.</param>
/// <param name="FromMemberId">The member's id there.</param>
/// <param name="FromOrganizationId">The organisation they left.</param>
/// <param name="ToAgencyId">The receiving agency.</param>
/// <param name="ToMemberId">The member's id there.</param>
/// <param name="ToOrganizationId">The organisation they joined.</param>
/// <param name="Date">The day of acceptance.</param>
public sealed record MemberMove(int TransferId, int FromAgencyId, int FromMemberId, int FromOrganizationId, int ToAgencyId, int ToMemberId,
    int ToOrganizationId, DateOnly Date)
{
    /// <summary>Between two branches of one agency.</summary>
    public bool IsWithinAgency => FromAgencyId == ToAgencyId;

    /// <summary>The sending agency's name, for what a handler records on the receiving side ("carried from …"). Since 1.6.0.</summary>
    public string FromAgencyName { get; init; } = "";

    /// <summary>The receiving agency's name. Since 1.6.0.</summary>
    public string ToAgencyName { get; init; } = "";

    /// <summary>Set by the host: makes the receiving agency current until disposed.</summary>
    public Func<IDisposable>? ReceivingAgencyScope { get; init; }

    /// <summary>
    /// Makes the receiving agency the current agency until the result is disposed, so that the handler's DbContext reads
    /// and adds that agency's rows: <c>using (move.AsReceivingAgency()) { db.Cases.Add(copy); await db.SaveChangesAsync(); }</c>.
    /// </summary>
    public IDisposable AsReceivingAgency() => ReceivingAgencyScope?.Invoke() ?? NoScope.Instance;

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();
        public void Dispose() { }
    }
}

/// <summary>
/// A module that keeps records about a person and moves what belongs to them when they move (the development module
/// moves the person's development case, the dues module the months paid). The host calls it after the directory has moved
/// the member, with the sending agency as the current agency, for each module that is on there. Since 1.6.0 every handler
/// runs inside the acceptance's database transaction: the host makes the module's own DbContexts (those registered with
/// <c>AddModuleDbContext</c>) join it before the call, so the acceptance and all handlers' changes commit or roll back
/// together; a handler that throws undoes the whole acceptance, and the accepting office is told, in Chinese, that nothing
/// was changed. A handler therefore saves only through its module's DbContexts (and <see cref="IFileStore"/> calls that
/// take one as their unit of work, e.g. <see cref="IFileStore.MoveAllAsync"/>), writes no audit lines of its own (the host
/// audits each handler after the commit) and does not commit. Register with <c>services.AddMemberMovedHandler&lt;T&gt;()</c>.
/// Since 1.5.0.
/// </summary>
public interface IMemberMovedHandler
{
    /// <summary>The module's id; called only where the module is on in the sending agency.</summary>
    string ModuleId { get; }

    /// <summary>Moves the module's records of the person (<see cref="MemberMove.AsReceivingAgency"/> for the receiving side).</summary>
    /// <param name="move">Who moved, from where to where.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    Task MovedAsync(MemberMove move, CancellationToken cancellationToken);
}

/// <summary>Registers a module's <see cref="IMemberMovedHandler"/>. Since 1.5.0.</summary>
public static class MemberMovedHandlerServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="THandler"/> (scoped).</summary>
    public static IServiceCollection AddMemberMovedHandler<THandler>(this IServiceCollection services)
        where THandler : class, IMemberMovedHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMemberMovedHandler, THandler>());
        return services;
    }
}
