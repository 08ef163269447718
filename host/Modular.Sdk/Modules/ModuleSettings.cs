namespace Modular.Sdk;

/// <summary>How a setting is edited and stored.</summary>
public enum SettingKind
{
    /// <summary>Free text.</summary>
    Text,
    /// <summary>A whole number, within <see cref="ModuleSettingDefinition.Min"/> and <see cref="ModuleSettingDefinition.Max"/> when given.</summary>
    Integer,
    /// <summary>On or off ("true"/"false").</summary>
    Boolean,
    /// <summary>One of <see cref="ModuleSettingDefinition.Choices"/>.</summary>
    Choice,
}

/// <summary>A per-agency setting of a module, stored by the host as data.</summary>
/// <param name="Key">The setting's key, unique in the module.</param>
/// <param name="Label">The field's label on the agency's settings page.</param>
/// <param name="Kind">How it is edited.</param>
/// <param name="DefaultValue">The value until an agency sets one.</param>
/// <param name="Help">A hint under the field, if any.</param>
/// <param name="Choices">The values to choose from, for <see cref="SettingKind.Choice"/>.</param>
/// <param name="Min">The smallest value, for <see cref="SettingKind.Integer"/>.</param>
/// <param name="Max">The largest value, for <see cref="SettingKind.Integer"/>.</param>
public sealed record ModuleSettingDefinition(
    string Key,
    LocalizedText Label,
    SettingKind Kind,
    string DefaultValue,
    LocalizedText? Help = null,
    IReadOnlyList<SettingChoice>? Choices = null,
    int? Min = null,
    int? Max = null);

/// <summary>One value of a <see cref="SettingKind.Choice"/> setting.</summary>
/// <param name="Value">What is stored.</param>
/// <param name="Text">What the agency sees.</param>
public sealed record SettingChoice(string Value, LocalizedText Text);

/// <summary>Reads the current agency's settings of the calling module (defaults where unset).</summary>
public interface IModuleSettings
{
    /// <summary>The setting's value for the current agency, or its default.</summary>
    string Get(string moduleId, string key);
    /// <summary>The value as a whole number; 0 when it is not one.</summary>
    int GetInt(string moduleId, string key) => int.TryParse(Get(moduleId, key), out var v) ? v : 0;
    /// <summary>The value as on/off; off when it is not "true".</summary>
    bool GetBool(string moduleId, string key) => bool.TryParse(Get(moduleId, key), out var v) && v;
}
