using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Modular.Host.Localization;

/// <summary>
/// Strings from JSON files embedded in each assembly (<c>Resources/zh-CN.json</c>, <c>Resources/en.json</c>):
/// keys are the English text, so a missing entry still reads sensibly. Works the same for the host and
/// for plugins in their own load contexts, which satellite assemblies do not.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<Assembly, JsonStringLocalizer> _byAssembly = new();

    public IStringLocalizer Create(Type resourceSource) => For(resourceSource.Assembly);

    public IStringLocalizer Create(string baseName, string location) => For(typeof(JsonStringLocalizerFactory).Assembly);

    public JsonStringLocalizer For(Assembly assembly) => _byAssembly.GetOrAdd(assembly, a => new JsonStringLocalizer(a));
}

public sealed class JsonStringLocalizer : IStringLocalizer
{
    private readonly Assembly _assembly;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> _tables = new();

    public JsonStringLocalizer(Assembly assembly) => _assembly = assembly;

    public LocalizedString this[string name] => Find(name, null);

    public LocalizedString this[string name, params object[] arguments] => Find(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Table(CultureInfo.CurrentUICulture.Name).Select(kv => new LocalizedString(kv.Key, kv.Value, false));

    private LocalizedString Find(string name, object[]? args)
    {
        var value = Lookup(name);
        return new LocalizedString(name, Format(value ?? name, args), resourceNotFound: value is null);
    }

    /// <summary>The text for <paramref name="name"/> in the current UI culture (or the key itself), without a LocalizedString.</summary>
    public string Text(string name, object[]? args = null) => Format(Lookup(name) ?? name, args);

    private static string Format(string text, object[]? args) =>
        args is { Length: > 0 } ? string.Format(CultureInfo.CurrentUICulture, text, args) : text;

    private string? Lookup(string name)
    {
        string? value = null;
        for (var c = CultureInfo.CurrentUICulture; value is null && !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            Table(c.Name).TryGetValue(name, out value);
        }
        return value;
    }

    // Looked up on every string of every page: no delegate allocated once the culture's table is loaded.
    private IReadOnlyDictionary<string, string> Table(string culture) =>
        _tables.TryGetValue(culture, out var table) ? table : _tables.GetOrAdd(culture, Load);

    private IReadOnlyDictionary<string, string> Load(string c)
    {
        var suffix = $"Resources.{c}.json";
        var resource = _assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(suffix, StringComparison.OrdinalIgnoreCase));
        if (resource is null) return new Dictionary<string, string>();
        using var stream = _assembly.GetManifestResourceStream(resource)!;
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? new Dictionary<string, string>();
    }
}

/// <summary>The host's own UI strings.</summary>
public interface IText
{
    string this[string key] { get; }
    string this[string key, params object[] args] { get; }
}

public sealed class HostText(JsonStringLocalizerFactory factory) : IText
{
    private readonly JsonStringLocalizer _l = factory.For(typeof(HostText).Assembly);
    public string this[string key] => _l.Text(key);
    public string this[string key, params object[] args] => _l.Text(key, args);
}
