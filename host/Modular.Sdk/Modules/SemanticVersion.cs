using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Modular.Sdk;

/// <summary>major.minor.patch with an optional pre-release label (build metadata is ignored).</summary>
public sealed record SemanticVersion(int Major, int Minor, int Patch, string? PreRelease = null) : IComparable<SemanticVersion>
{
    /// <summary>Parses "1.2.3", "1.2" or "1.2.3-beta.1"; throws <see cref="FormatException"/> on anything else.</summary>
    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a semantic version.");

    /// <summary>Parses like <see cref="Parse"/>; false instead of throwing.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SemanticVersion? version)
    {
        version = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var core = text.Trim();
        var plus = core.IndexOf('+');
        if (plus >= 0) core = core[..plus];
        string? pre = null;
        var dash = core.IndexOf('-');
        if (dash >= 0)
        {
            pre = core[(dash + 1)..];
            core = core[..dash];
            if (pre.Length == 0) return false;
        }
        var parts = core.Split('.');
        if (parts.Length is < 1 or > 3) return false;
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        }
        version = new SemanticVersion(numbers[0], numbers[1], numbers[2], pre);
        return true;
    }

    /// <summary>Orders by major, minor, patch; a pre-release before its release.</summary>
    public int CompareTo(SemanticVersion? other)
    {
        if (other is null) return 1;
        var c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        if (c != 0) return c;
        // A pre-release sorts before the release it precedes.
        if (PreRelease is null) return other.PreRelease is null ? 0 : 1;
        if (other.PreRelease is null) return -1;
        return string.CompareOrdinal(PreRelease, other.PreRelease);
    }

    /// <summary>Whether <paramref name="a"/> comes before <paramref name="b"/>.</summary>
    public static bool operator <(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) < 0;
    /// <summary>Whether <paramref name="a"/> comes after <paramref name="b"/>.</summary>
    public static bool operator >(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) > 0;
    /// <summary>Whether <paramref name="a"/> comes before or equals <paramref name="b"/>.</summary>
    public static bool operator <=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) <= 0;
    /// <summary>Whether <paramref name="a"/> comes after or equals <paramref name="b"/>.</summary>
    public static bool operator >=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) >= 0;

    /// <summary>"major.minor.patch", with "-label" for a pre-release.</summary>
    public override string ToString() => PreRelease is null ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}.{Patch}-{PreRelease}";
}
