namespace Modular.Modules.Study.Rules;

/// <summary>
/// Each taker's order of questions and of each question's options, from the attempt's seed: the same seed gives the
/// same order on every request and every instance (a reload shows the page as it was), another seed another order.
/// Its own generator, so that the order never depends on the runtime's <see cref="Random"/>.
/// </summary>
public static class Shuffle
{
    /// <summary>A permutation of 0..count-1 for <paramref name="seed"/> and <paramref name="salt"/> (0 for the questions, the question's id for its options).</summary>
    public static int[] Order(int seed, int count, int salt = 0)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var state = unchecked((ulong)(uint)seed << 32 | (uint)salt) ^ 0x9E3779B97F4A7C15UL;
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>Items in the order of <paramref name="seed"/>.</summary>
    public static IReadOnlyList<T> Apply<T>(IReadOnlyList<T> items, int seed, int salt = 0) =>
        Order(seed, items.Count, salt).Select(i => items[i]).ToList();

    // SplitMix64: small, fast and well mixed even for neighbouring seeds.
    private static ulong Next(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
