using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Modular.Host.Data;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Shell.Modules;

/// <summary>Per-agency module settings, stored as JSON on the agency's module row; defaults from the module.</summary>
public sealed class ModuleSettingsService(PluginCatalog catalog, HostDbContext db, ICurrentAgency agency, IMemoryCache cache, Tenancy.ModuleSwitchWatcher switches) : IModuleSettings
{
    public string Get(string moduleId, string key)
    {
        var definition = catalog.Find(moduleId)?.Settings.FirstOrDefault(s => s.Key == key)
                         ?? throw new ArgumentException($"Module '{moduleId}' has no setting '{key}'.", nameof(key));
        if (agency.Id is not { } agencyId) return definition.DefaultValue;
        var values = cache.GetOrCreate($"module-settings:{agencyId}:{moduleId}", e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            e.AddExpirationToken(switches.Token); // settings live on the switch rows
            var json = db.AgencyModules.AsNoTracking()
                .Where(m => m.AgencyId == agencyId && m.ModuleId == moduleId)
                .Select(m => m.SettingsJson).FirstOrDefault();
            return Parse(json);
        })!;
        return values.TryGetValue(key, out var v) ? v : definition.DefaultValue;
    }

    /// <summary>After a save here; other instances notice through the switches' fingerprint.</summary>
    public void Invalidate() => switches.Changed();

    public static Dictionary<string, string> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Checks a submitted value against its definition; returns a Chinese message, or null when valid.</summary>
    public static string? Validate(ModuleSettingDefinition d, string? value)
    {
        value = value?.Trim() ?? "";
        switch (d.Kind)
        {
            case SettingKind.Integer:
                if (!int.TryParse(value, out var n)) return $"“{d.Label.Zh}”须为整数。";
                if (d.Min is { } min && n < min) return $"“{d.Label.Zh}”不能小于 {min}。";
                if (d.Max is { } max && n > max) return $"“{d.Label.Zh}”不能大于 {max}。";
                return null;
            case SettingKind.Boolean:
                return bool.TryParse(value, out _) ? null : $"“{d.Label.Zh}”须为是或否。";
            case SettingKind.Choice:
                return d.Choices?.Any(c => c.Value == value) == true ? null : $"请为“{d.Label.Zh}”选择一个有效选项。";
            default:
                return value.Length > 500 ? $"“{d.Label.Zh}”不能超过 500 个字符。" : null;
        }
    }
}
