namespace Modular.Sdk;

public enum SettingKind { Text, Integer, Boolean, Choice }

/// <summary>A per-agency setting of a module, stored by the host as data.</summary>
public sealed record ModuleSettingDefinition(
    string Key,
    LocalizedText Label,
    SettingKind Kind,
    string DefaultValue,
    LocalizedText? Help = null,
    IReadOnlyList<SettingChoice>? Choices = null,
    int? Min = null,
    int? Max = null);

public sealed record SettingChoice(string Value, LocalizedText Text);

/// <summary>Reads the current agency's settings of the calling module (defaults where unset).</summary>
public interface IModuleSettings
{
    string Get(string moduleId, string key);
    int GetInt(string moduleId, string key) => int.TryParse(Get(moduleId, key), out var v) ? v : 0;
    bool GetBool(string moduleId, string key) => bool.TryParse(Get(moduleId, key), out var v) && v;
}
