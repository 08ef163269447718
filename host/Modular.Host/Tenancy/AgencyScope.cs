namespace Modular.Host.Tenancy;

/// <summary>
/// Runs code as if in one agency, outside any request (start-up seeding, background work).
/// Inside a request the agency always comes from the session.
/// </summary>
public static class AgencyScope
{
    private static readonly AsyncLocal<(int Id, string? Name)?> Current = new();

    internal static (int Id, string? Name)? Override => Current.Value;

    public static IDisposable Use(int agencyId, string? name = null)
    {
        var previous = Current.Value;
        Current.Value = (agencyId, name);
        return new Restore(previous);
    }

    private sealed class Restore((int, string?)? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
