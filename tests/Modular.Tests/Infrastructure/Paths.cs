namespace Modular.Tests.Infrastructure;

public static class Paths
{
    /// <summary>The repository root, found from the test's bin folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string FixturePlugins => Path.Combine(Root, "tests", "fixture-plugins");
    /// <summary>Where the build deploys the first-party modules (modules/*).</summary>
    public static string ModulePlugins => Path.Combine(Root, "plugins");

    /// <summary>A fixture plugin's folder, or else a first-party module's.</summary>
    public static string PluginSource(string folder) =>
        Directory.Exists(Path.Combine(FixturePlugins, folder)) ? Path.Combine(FixturePlugins, folder) : Path.Combine(ModulePlugins, folder);
    public static string HostProject => Path.Combine(Root, "host", "Modular.Host");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Modular.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Modular.sln not found above " + AppContext.BaseDirectory);
    }

    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
    }
}
