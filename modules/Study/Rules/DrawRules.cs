using Modular.Modules.Study.Domain;
using Modular.Sdk;

namespace Modular.Modules.Study.Rules;

/// <summary>
/// A random draw by category and difficulty: lines of (category, difficulty, how many), each drawn from its own questions.
/// A test drawn per person keeps every line's pool and gives each taker their own set from the attempt's seed: the same
/// seed gives the same set on every request and instance (a reload shows the same questions), another seed another set.
/// </summary>
public static class DrawRules
{
    public const int MaxLines = 6;

    /// <summary>One line of the draw: null category or difficulty for any.</summary>
    public sealed record Line(string? Category, Difficulty? Difficulty, int Count)
    {
        /// <summary>Whether a question of <paramref name="category"/> and <paramref name="difficulty"/> is drawn by this line.</summary>
        public bool Takes(string category, Difficulty difficulty) => (Category is null || Category == category) && (Difficulty is null || Difficulty == difficulty);

        /// <summary>Whether some question could be drawn by both lines (then one question could come twice).</summary>
        public bool Overlaps(Line other) =>
            (Category is null || other.Category is null || Category == other.Category) && (Difficulty is null || other.Difficulty is null || Difficulty == other.Difficulty);
    }

    /// <summary>The lines as stored: "category|difficulty|count" joined by ";" (empty category or 0 difficulty for any).</summary>
    public static string Format(IEnumerable<Line> lines) =>
        string.Join(';', lines.Select(l => $"{l.Category?.Replace("|", "").Replace(";", "")}|{(int?)l.Difficulty ?? 0}|{l.Count}"));

    public static IReadOnlyList<Line> Parse(string? text)
    {
        var lines = new List<Line>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = part.Split('|');
            if (f.Length != 3 || !int.TryParse(f[1], out var d) || !int.TryParse(f[2], out var n)) continue;
            lines.Add(new Line(f[0].Length == 0 ? null : f[0], d == 0 ? null : (Difficulty)d, n));
        }
        return lines;
    }

    /// <summary>
    /// Checks the draw's lines (fields "Draws[i].Count" and "Draws"): each line draws 1 or more and no more than its pool
    /// holds; no two lines can draw the same question; the total is 1 to <paramref name="maxQuestions"/>.
    /// </summary>
    /// <param name="available">How many questions of the bank each line's pool holds.</param>
    public static List<Problem> Check(IReadOnlyList<(int Index, Line Line)> lines, Func<Line, int> available, int maxQuestions)
    {
        var problems = new List<Problem>();
        if (lines.Count == 0) { problems.Add(new("Draws", "Say how many questions to draw.")); return problems; }
        if (lines.Count > MaxLines) { problems.Add(new("Draws", "At most {0} lines of draw.", MaxLines)); return problems; }
        for (var i = 0; i < lines.Count; i++)
        {
            var (index, line) = lines[i];
            var field = $"Draws[{index}].Count";
            if (line.Count < 1) problems.Add(new(field, "Draw at least one question, or leave the line empty."));
            else if (available(line) is var have && line.Count > have)
                problems.Add(new(field, "The bank has only {0} questions for this line: draw fewer or add questions.", have));
            if (lines.Take(i).Any(other => other.Line.Overlaps(line)))
                problems.Add(new($"Draws[{index}].Category", "This line draws from the same questions as a line above: choose another category or difficulty."));
        }
        var total = lines.Sum(l => Math.Max(0, l.Line.Count));
        if (problems.Count == 0 && total > maxQuestions) problems.Add(new("Draws", "A test has at most {0} questions.", maxQuestions));
        return problems;
    }

    /// <summary>
    /// The taker's questions of a per-person draw: from each line's pool (the positions in it), <see cref="Line.Count"/>
    /// picked by the seed. Pools are in the test's order; the result is the picked positions of each pool.
    /// </summary>
    public static IReadOnlyList<int>[] Pick(int seed, IReadOnlyList<int> poolSizes, IReadOnlyList<Line> lines)
    {
        var picked = new IReadOnlyList<int>[poolSizes.Count];
        for (var b = 0; b < poolSizes.Count; b++)
        {
            var count = b < lines.Count ? Math.Min(lines[b].Count, poolSizes[b]) : 0;
            // Salted apart from the question order (salt 0) and the options (the question's id, positive).
            picked[b] = Shuffle.Order(seed, poolSizes[b], -(b + 1)).Take(count).Order().ToList();
        }
        return picked;
    }

    /// <summary>
    /// The questions a taker with <paramref name="seed"/> is asked: all of them when none is in a pool, or for a per-person
    /// draw their own pick of each line's pool; in the test's order.
    /// </summary>
    /// <param name="pool">A question's pool (its draw line), null for none.</param>
    /// <param name="position">A question's place in the test.</param>
    public static IReadOnlyList<T> Asked<T>(IReadOnlyList<T> questions, Func<T, int?> pool, Func<T, int> position, IReadOnlyList<Line> lines, int seed)
    {
        if (questions.All(q => pool(q) is null)) return questions;
        var pools = Enumerable.Range(0, lines.Count).Select(b => questions.Where(q => pool(q) == b).OrderBy(position).ToList()).ToList();
        var picked = Pick(seed, pools.Select(p => p.Count).ToList(), lines);
        return pools.SelectMany((p, b) => picked[b].Select(i => p[i])).OrderBy(position).ToList();
    }
}
