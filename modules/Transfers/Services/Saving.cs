namespace Modular.Modules.Transfers.Services;

/// <summary>One way for the module's services to save: done, or refused as stale when someone else saved first.</summary>
public static class Saving
{
    public static async Task<IReadOnlyList<Problem>> SaveOrStaleAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return [];
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return [Problem.Stale()];
        }
    }
}
