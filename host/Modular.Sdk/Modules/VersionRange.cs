using System.Diagnostics.CodeAnalysis;

namespace Modular.Sdk;

/// <summary>
/// A range of versions in NuGet's interval notation: "[1.0.0,2.0.0)", "(1.0,)", "[1.2.3]",
/// or a bare "1.0.0" meaning "1.0.0 or higher".
/// </summary>
public sealed record VersionRange(SemanticVersion? Min, bool MinInclusive, SemanticVersion? Max, bool MaxInclusive)
{
    /// <summary>Parses a range; throws <see cref="FormatException"/> on anything else.</summary>
    public static VersionRange Parse(string text) =>
        TryParse(text, out var r) ? r : throw new FormatException($"'{text}' is not a version range.");

    /// <summary>Parses like <see cref="Parse"/>; false instead of throwing.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out VersionRange? range)
    {
        range = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        if (t[0] is not ('[' or '('))
        {
            if (!SemanticVersion.TryParse(t, out var floor)) return false;
            range = new VersionRange(floor, true, null, false);
            return true;
        }
        var last = t[^1];
        if (last is not (']' or ')') || t.Length < 3) return false;
        var body = t[1..^1];
        var comma = body.IndexOf(',');
        if (comma < 0)
        {
            // "[1.2.3]" pins one version.
            if (t[0] != '[' || last != ']' || !SemanticVersion.TryParse(body, out var exact)) return false;
            range = new VersionRange(exact, true, exact, true);
            return true;
        }
        var lo = body[..comma].Trim();
        var hi = body[(comma + 1)..].Trim();
        SemanticVersion? min = null, max = null;
        if (lo.Length > 0 && !SemanticVersion.TryParse(lo, out min)) return false;
        if (hi.Length > 0 && !SemanticVersion.TryParse(hi, out max)) return false;
        if (min is null && max is null) return false;
        if (min is not null && max is not null && min > max) return false;
        range = new VersionRange(min, t[0] == '[', max, last == ']');
        return true;
    }

    /// <summary>Whether <paramref name="v"/> lies in the range.</summary>
    public bool Includes(SemanticVersion v)
    {
        if (Min is not null && (MinInclusive ? v < Min : v <= Min)) return false;
        if (Max is not null && (MaxInclusive ? v > Max : v >= Max)) return false;
        return true;
    }

    /// <summary>The range for people: "&gt;= 1.0.0" or the interval notation.</summary>
    public override string ToString() =>
        Min is not null && Max is null && MinInclusive
            ? $">= {Min}"
            : $"{(MinInclusive ? '[' : '(')}{Min},{Max}{(MaxInclusive ? ']' : ')')}";
}
