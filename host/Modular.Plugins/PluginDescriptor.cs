using System.Reflection;
using McMaster.NETCore.Plugins;
using Modular.Sdk;

namespace Modular.Plugins;

public enum PluginState
{
    /// <summary>Loaded, registered and migrated: agencies may use it.</summary>
    Running,
    /// <summary>Refused or broken; <see cref="PluginDescriptor.FailureReason"/> says why. The host and other plugins go on.</summary>
    Failed,
}

/// <summary>One folder under the plugins path, and what became of it.</summary>
public sealed class PluginDescriptor
{
    public required string Folder { get; init; }
    public string FolderName => Path.GetFileName(Folder);
    public PluginManifest? Manifest { get; set; }
    /// <summary>Manifest id, or the folder name when the manifest could not be read.</summary>
    public string Id => Manifest?.Id ?? FolderName;
    public LocalizedText Name => Manifest?.Name ?? new LocalizedText(FolderName);
    public PluginState State { get; private set; } = PluginState.Running;
    public string? FailureReason { get; private set; }
    public PluginLoader? Loader { get; set; }
    public Assembly? Assembly { get; set; }
    public IModule? Module { get; set; }
    /// <summary>Who signed it, as checked before it loaded; null when it was refused before that check.</summary>
    public Packages.SignatureInfo? Signature { get; set; }
    /// <summary>Position in dependency order (dependencies first).</summary>
    public int Order { get; set; }

    public IReadOnlyList<MenuItem> MenuItems { get; set; } = [];
    public IReadOnlyList<PermissionDefinition> Permissions { get; set; } = [];
    public IReadOnlyList<ModuleSettingDefinition> Settings { get; set; } = [];

    public bool IsRunning => State == PluginState.Running;

    public void Fail(string reason)
    {
        if (State == PluginState.Failed) return;
        State = PluginState.Failed;
        FailureReason = reason;
    }

    /// <summary>The folder's manifest read and checked (no code of it runs); a failed descriptor with the reason when it cannot be.</summary>
    public static PluginDescriptor Read(string folder)
    {
        var plugin = new PluginDescriptor { Folder = folder };
        var file = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(file))
        {
            plugin.Fail("插件目录中没有 plugin.json。");
            return plugin;
        }
        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (IOException ex)
        {
            plugin.Fail($"无法读取 plugin.json：{ex.Message}");
            return plugin;
        }
        var manifest = PluginManifest.TryRead(json, out var errors);
        if (manifest is null)
        {
            plugin.Fail("清单无效：" + string.Join(" ", errors));
            return plugin;
        }
        plugin.Manifest = manifest;
        return plugin;
    }
}
