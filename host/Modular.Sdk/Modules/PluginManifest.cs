using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Modular.Sdk;

/// <summary>The content of a plugin's <c>plugin.json</c>: who it is, what it needs. Read before any of its code.</summary>
public sealed partial class PluginManifest
{
    /// <summary>The manifest's file name, beside the plugin's assemblies.</summary>
    public const string FileName = "plugin.json";

    /// <summary>The plugin's id: 2–40 lower-case letters, digits or hyphens, starting with a letter; its pages live under <c>/m/&lt;id&gt;/</c>.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    /// <summary>The module's name; the Chinese one is required.</summary>
    [JsonPropertyName("name")] public LocalizedText? Name { get; init; }
    /// <summary>The plugin's semantic version; equal to its entry assembly's version (modpack checks).</summary>
    [JsonPropertyName("version")] public string Version { get; init; } = "";
    /// <summary>Range of SDK versions the plugin was written for, e.g. "[1.0.0,2.0.0)".</summary>
    [JsonPropertyName("sdk")] public string Sdk { get; init; } = "";
    /// <summary>The file name of the assembly that holds the <see cref="IModule"/>, in the plugin's folder.</summary>
    [JsonPropertyName("entryAssembly")] public string EntryAssembly { get; init; } = "";
    /// <summary>Modules that must be loaded (and on) before this one.</summary>
    [JsonPropertyName("dependencies")] public List<PluginDependency> Dependencies { get; init; } = [];
    /// <summary>Who delivers the plugin, shown on the platform's Modules page.</summary>
    [JsonPropertyName("vendor")] public string? Vendor { get; init; }
    /// <summary>What the module does, shown on the platform's Modules page.</summary>
    [JsonPropertyName("description")] public LocalizedText? Description { get; init; }

    /// <summary><see cref="Version"/> parsed; only on a validated manifest.</summary>
    [JsonIgnore] public SemanticVersion ParsedVersion => SemanticVersion.Parse(Version);
    /// <summary><see cref="Sdk"/> parsed; only on a validated manifest.</summary>
    [JsonIgnore] public VersionRange ParsedSdkRange => VersionRange.Parse(Sdk);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    /// <summary>Whether <paramref name="id"/> is a valid plugin id (see <see cref="Id"/>).</summary>
    public static bool IsValidId(string? id) => id is { Length: >= 2 and <= 40 } && IdPattern().IsMatch(id);

    /// <summary>Parses and validates a manifest; problems come back as Chinese sentences for the Modules page.</summary>
    public static PluginManifest? TryRead(string json, out List<string> errors)
    {
        errors = [];
        PluginManifest? m;
        try
        {
            m = JsonSerializer.Deserialize<PluginManifest>(json, Json);
        }
        catch (JsonException ex)
        {
            errors.Add($"plugin.json 不是有效的 JSON（第 {ex.LineNumber + 1} 行）。");
            return null;
        }
        if (m is null)
        {
            errors.Add("plugin.json 为空。");
            return null;
        }
        errors.AddRange(m.Validate());
        return errors.Count == 0 ? m : null;
    }

    /// <summary>Every problem of the manifest, as Chinese sentences; none for a valid one.</summary>
    public IEnumerable<string> Validate()
    {
        if (!IsValidId(Id)) yield return $"模块标识“{Id}”无效：须为 2–40 个小写字母、数字或连字符，以字母开头。";
        if (Name is null || string.IsNullOrWhiteSpace(Name.Zh)) yield return "缺少模块中文名称（name.zh-CN）。";
        if (!SemanticVersion.TryParse(Version, out _)) yield return $"版本号“{Version}”不是有效的语义化版本。";
        if (!VersionRange.TryParse(Sdk, out _)) yield return $"SDK 版本范围“{Sdk}”无效。";
        if (string.IsNullOrWhiteSpace(EntryAssembly) || !EntryAssembly.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            || EntryAssembly.Contains('/') || EntryAssembly.Contains('\\') || EntryAssembly.Contains(".."))
            yield return $"入口程序集“{EntryAssembly}”无效：须为插件目录中的 .dll 文件名。";
        foreach (var d in Dependencies)
        {
            if (!IsValidId(d.Id)) yield return $"依赖模块标识“{d.Id}”无效。";
            else if (d.Id == Id) yield return "模块不能依赖自身。";
            if (d.Version is not null && !VersionRange.TryParse(d.Version, out _)) yield return $"依赖“{d.Id}”的版本范围“{d.Version}”无效。";
        }
    }
}

/// <summary>A module a plugin needs, from <c>plugin.json</c>.</summary>
public sealed class PluginDependency
{
    /// <summary>The id of the module needed.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    /// <summary>Optional version range of the dependency; any version when absent.</summary>
    [JsonPropertyName("version")] public string? Version { get; init; }
}
