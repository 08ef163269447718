using System.Text.RegularExpressions;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Hosting;

/// <summary>
/// Each provider's migrations keep a snapshot of their own name, so that EF, which writes a first snapshot over any file
/// called &lt;Context&gt;ModelSnapshot.cs, can never overwrite the other provider's (README, "Migrations per provider").
/// Read from the sources: the host, the modules, the fixtures and the vendor template.
/// </summary>
public sealed partial class MigrationSnapshotTests
{
    private static readonly string[] Providers = ["Sqlite", "PostgreSql"];

    private static IEnumerable<string> MigrationFolders() =>
        new[] { "host", "modules", Path.Combine("tests", "Fixtures"), Path.Combine("tools", "templates") }
            .SelectMany(d => Directory.GetDirectories(Path.Combine(Paths.Root, d), "*", SearchOption.AllDirectories))
            .Where(d => Providers.Contains(Path.GetFileName(d)) && Path.GetFileName(Path.GetDirectoryName(d)) == "Migrations")
            .Where(d => !d.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !d.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    [Fact]
    public void Every_snapshot_is_named_after_its_context_and_provider_in_its_provider_s_namespace()
    {
        var checkedSnapshots = 0;
        foreach (var folder in MigrationFolders())
        {
            var provider = Path.GetFileName(folder);
            var snapshots = Directory.GetFiles(folder, "*ModelSnapshot.cs");
            if (snapshots.Length == 0) continue; // a later version's migrations beside the earlier version's snapshot (Fixture.Shelf.V2)
            var file = Assert.Single(snapshots);
            checkedSnapshots++;
            var source = File.ReadAllText(file);
            var context = ContextOf().Match(source).Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(context), $"{file} names no context");
            var expected = $"{context}{provider}ModelSnapshot";
            Assert.Equal(expected, Path.GetFileNameWithoutExtension(file));
            Assert.Matches($@"partial class {expected}\b", source);
            Assert.Matches($@"namespace [\w.]+\.{provider}\s*$", NamespaceOf().Match(source).Value.TrimEnd());
        }
        // The host's two contexts, nine modules, three fixtures and the template, each on two providers.
        Assert.Equal(2 * 16, checkedSnapshots);
    }

    [Fact]
    public void No_snapshot_anywhere_keeps_the_name_EF_gives_a_first_one()
    {
        var sources = new[] { "host", "modules", Path.Combine("tests", "Fixtures"), Path.Combine("tools", "templates") }
            .SelectMany(d => Directory.GetFiles(Path.Combine(Paths.Root, d), "*ModelSnapshot.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, f => Assert.True(Providers.Any(p => f.EndsWith(p + "ModelSnapshot.cs", StringComparison.Ordinal)), f));
    }

    [GeneratedRegex(@"\[DbContext\(typeof\((?:\w+\.)*(\w+)\)\)\]")]
    private static partial Regex ContextOf();

    [GeneratedRegex(@"^namespace [\w.]+", RegexOptions.Multiline)]
    private static partial Regex NamespaceOf();
}
