using Modular.Sdk;

namespace Modular.Modules.Supervision.Rules;

/// <summary>
/// When a task is proved by records another module keeps (enter once: nobody reports what the portal knows): records of
/// its kind and type, dated from its start to its deadline, held by its owner organisation or one under it (any
/// organisation when the task names none), at least as many as it asks for.
/// </summary>
public static class ProofRules
{
    /// <summary>What a task asks for.</summary>
    /// <param name="Organizations">The owner organisation and every organisation under it; null for the whole agency.</param>
    public sealed record Demand(string Kind, string? Type, int Count, DateOnly From, DateOnly To, IReadOnlySet<int>? Organizations);

    /// <summary>The records that count toward the demand, oldest first.</summary>
    public static List<SharedRecord> Counted(Demand demand, IEnumerable<SharedRecord> records) =>
        records.Where(r => r.Kind == demand.Kind
                && (string.IsNullOrEmpty(demand.Type) || r.Type == demand.Type)
                && r.Date >= demand.From && r.Date <= demand.To
                && (demand.Organizations is null || r.OrganizationId is { } o && demand.Organizations.Contains(o)))
            .GroupBy(r => r.Id).Select(g => g.First())
            .OrderBy(r => r.Date).ThenBy(r => r.Id).ToList();

    /// <summary>Whether enough records count.</summary>
    public static bool IsProved(Demand demand, IEnumerable<SharedRecord> records) => demand.Count > 0 && Counted(demand, records).Count >= demand.Count;
}
