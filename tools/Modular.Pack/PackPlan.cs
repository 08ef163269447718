using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Modular.Plugins.Packages;
using Modular.Sdk;

namespace Modular.Pack;

/// <summary>A file of the plugin folder and what packing does with it.</summary>
public sealed record PlannedFile(string Path, string FullName, long Length);

/// <summary>A file of the build output that the package leaves out, and why.</summary>
public sealed record LeftOutFile(string Path, string Reason);

/// <summary>
/// What modpack would pack from a built plugin folder, decided before anything is written: the manifest as the portal
/// reads it, its SDK range against the SDK the entry assembly references, its version against the assembly's, and every
/// file either packed, left out with a reason (debug symbols, the framework's and the host's copies a build brings along),
/// or refused (the portal's contract or data access shipped inside the plugin, which the portal refuses too).
/// </summary>
public sealed class PackPlan
{
    private const string Sdk = "Modular.Sdk";

    public PluginManifest? Manifest { get; private set; }
    public List<string> Errors { get; } = [];
    public List<PlannedFile> Files { get; } = [];
    public List<LeftOutFile> LeftOut { get; } = [];

    /// <summary>The SDK version the entry assembly was compiled against.</summary>
    public SemanticVersion? BuiltAgainst { get; private set; }

    public static PackPlan For(string folder)
    {
        var plan = new PackPlan();
        var manifestPath = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            plan.Errors.Add($"No {PluginManifest.FileName} in {folder}: point modpack at the built plugin folder.");
            return plan;
        }
        plan.Manifest = PluginManifest.TryRead(File.ReadAllText(manifestPath), out var problems);
        if (plan.Manifest is null)
        {
            plan.Errors.AddRange(problems.Select(p => $"{PluginManifest.FileName}: {p}"));
            return plan;
        }
        plan.SortFiles(folder);
        plan.CheckEntryAssembly(folder);
        return plan;
    }

    private void SortFiles(string folder)
    {
        var framework = SharedFrameworkAssemblies();
        foreach (var (path, full) in PackageFormat.FolderFiles(folder))
        {
            var name = Path.GetFileName(path);
            if (IsContract(name))
                Errors.Add($"{path}: the portal provides {Path.GetFileNameWithoutExtension(name)}; a plugin must not carry its own copy. " +
                           "Reference it with ExcludeAssets=\"runtime\" (as the template does) and build again.");
            else if (PackageFormat.IsHostProvided(path))
                Errors.Add($"{path}: the portal provides EF Core and its database providers; a plugin must not carry its own copy. " +
                           "Reference the package with ExcludeAssets=\"runtime\" (as the template does) and build again.");
            else if (path.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase))
                LeftOut.Add(new(path, "debug symbols"));
            else if (path.StartsWith("runtimes/", StringComparison.Ordinal))
                LeftOut.Add(new(path, "native runtime files; the portal has the ones it loads"));
            else if (name.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase) || framework.Contains(name))
                LeftOut.Add(new(path, "part of the .NET and ASP.NET Core frameworks the portal runs on"));
            else
                Files.Add(new(path, full, new FileInfo(full).Length));
        }
    }

    /// <summary>The SDK, the plugin runtime and the host: a plugin compiled against them never ships them.</summary>
    private static bool IsContract(string fileName) =>
        fileName.StartsWith(Sdk + ".", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith("Modular.Host", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("Modular.Plugins.", StringComparison.OrdinalIgnoreCase);

    private void CheckEntryAssembly(string folder)
    {
        var manifest = Manifest!;
        var entry = Path.Combine(folder, manifest.EntryAssembly);
        if (!File.Exists(entry))
        {
            Errors.Add($"The entry assembly {manifest.EntryAssembly} named in {PluginManifest.FileName} is not in {folder}.");
            return;
        }
        try
        {
            using var pe = new PEReader(File.OpenRead(entry));
            if (!pe.HasMetadata)
            {
                Errors.Add($"{manifest.EntryAssembly} is not a .NET assembly.");
                return;
            }
            var md = pe.GetMetadataReader();
            CheckSdk(md, manifest);
            CheckVersion(md, manifest);
        }
        catch (BadImageFormatException)
        {
            Errors.Add($"{manifest.EntryAssembly} is not a .NET assembly.");
        }
    }

    private void CheckSdk(MetadataReader md, PluginManifest manifest)
    {
        foreach (var handle in md.AssemblyReferences)
        {
            var reference = md.GetAssemblyReference(handle);
            if (md.GetString(reference.Name) != Sdk) continue;
            var v = reference.Version;
            BuiltAgainst = new SemanticVersion(v.Major, v.Minor, Math.Max(0, v.Build));
        }
        if (BuiltAgainst is null)
            Errors.Add($"{manifest.EntryAssembly} does not reference {Sdk}: a plugin's module implements the SDK's IModule.");
        else if (!manifest.ParsedSdkRange.Includes(BuiltAgainst))
            Errors.Add($"{manifest.EntryAssembly} is built against {Sdk} {BuiltAgainst}, outside the range \"{manifest.Sdk}\" that " +
                       $"{PluginManifest.FileName} states: change \"sdk\" or the SDK package version.");
    }

    private void CheckVersion(MetadataReader md, PluginManifest manifest)
    {
        var assembly = AssemblyVersion(md);
        if (assembly is null)
            Errors.Add($"The version of {manifest.EntryAssembly} cannot be read.");
        else if (assembly.CompareTo(manifest.ParsedVersion) != 0)
            Errors.Add($"{PluginManifest.FileName} says version {manifest.Version}, {manifest.EntryAssembly} is version {assembly}: " +
                       "set <Version> in the project file to the manifest's version (or the other way round) and build again.");
    }

    /// <summary>The informational version the build writes (without "+build metadata"), else the assembly version.</summary>
    private static SemanticVersion? AssemblyVersion(MetadataReader md)
    {
        foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            if (AttributeName(md, attribute) != "AssemblyInformationalVersionAttribute") continue;
            var blob = md.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1) continue; // the prolog of every attribute blob
            if (SemanticVersion.TryParse(blob.ReadSerializedString(), out var informational)) return informational;
        }
        var v = md.GetAssemblyDefinition().Version;
        return new SemanticVersion(v.Major, v.Minor, Math.Max(0, v.Build));
    }

    private static string? AttributeName(MetadataReader md, CustomAttribute attribute)
    {
        if (attribute.Constructor.Kind != HandleKind.MemberReference) return null;
        var parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        return parent.Kind == HandleKind.TypeReference ? md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name) : null;
    }

    /// <summary>
    /// The file names of the shared frameworks beside the runtime modpack runs on (Microsoft.NETCore.App and
    /// Microsoft.AspNetCore.App, which the portal runs on too): a build may copy some of them from packages.
    /// </summary>
    private static HashSet<string> SharedFrameworkAssemblies()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var core = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var dirs = new List<string> { core };
        // Beside dotnet/shared/Microsoft.NETCore.App/<version>: the ASP.NET Core release of the same major version.
        var aspNet = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(core)) ?? "", "Microsoft.AspNetCore.App");
        var major = Path.GetFileName(core).Split('.')[0] + ".";
        if (Directory.Exists(aspNet) && Directory.GetDirectories(aspNet).Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null).FirstOrDefault() is { } newest)
            dirs.Add(newest);
        foreach (var dir in dirs.Where(Directory.Exists))
            foreach (var f in Directory.GetFiles(dir, "*.dll")) names.Add(Path.GetFileName(f));
        return names;
    }
}
