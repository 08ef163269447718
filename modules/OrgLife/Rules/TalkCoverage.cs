namespace Modular.Modules.OrgLife.Rules;

/// <summary>
/// Heart-to-heart talks: at least once a year between every two committee members and between each
/// committee member and each other member. Pairs are unordered.
/// </summary>
public static class TalkCoverage
{
    public static (int, int) Pair(int a, int b) => a < b ? (a, b) : (b, a);

    public static IReadOnlyList<(int A, int B)> RequiredPairs(IReadOnlyCollection<int> committee, IReadOnlyCollection<int> members)
    {
        var c = committee.Distinct().OrderBy(x => x).ToList();
        var pairs = new List<(int, int)>();
        for (var i = 0; i < c.Count; i++)
        for (var j = i + 1; j < c.Count; j++)
            pairs.Add((c[i], c[j]));
        foreach (var m in members.Distinct().Where(m => !c.Contains(m)))
        foreach (var k in c)
            pairs.Add(Pair(k, m));
        return pairs;
    }

    /// <summary>The required pairs that have not talked (in either direction).</summary>
    public static IReadOnlyList<(int A, int B)> Missing(IReadOnlyList<(int A, int B)> required, IEnumerable<(int Initiator, int Partner)> talks)
    {
        var done = talks.Select(t => Pair(t.Initiator, t.Partner)).ToHashSet();
        return required.Where(p => !done.Contains(p)).ToList();
    }
}
