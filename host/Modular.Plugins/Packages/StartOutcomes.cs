namespace Modular.Plugins.Packages;

/// <summary>The outcomes of the staged changes applied at this start (the host audits them once its database is ready).</summary>
public sealed class StartOutcomes(IReadOnlyList<PackageOutcome> applied, IReadOnlyDictionary<string, RefusedPackage>? refused = null)
{
    public IReadOnlyList<PackageOutcome> Applied { get; } = applied;
    /// <summary>Shared packages (database) this instance refused to unpack at start, by id.</summary>
    public IReadOnlyDictionary<string, RefusedPackage> Refused { get; } = refused ?? new Dictionary<string, RefusedPackage>();
}

/// <summary>A shared package an instance would not unpack: why, and the hash of the row it refused.</summary>
public sealed record RefusedPackage(string Reason, string Sha256);
