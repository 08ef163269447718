namespace Modular.Sdk;

/// <summary>
/// An entry of the left navigation. <paramref name="Url"/> is relative to the module
/// ("" for its home page, "meetings" for /m/&lt;id&gt;/meetings) unless it starts with "/".
/// </summary>
public sealed record MenuItem(string Id, LocalizedText Text, string Url, string? Permission = null, int Order = 100, string? Icon = null)
{
    /// <summary>Other paths whose pages belong to this item (relative like <see cref="Url"/>): it is marked current there too.</summary>
    public IReadOnlyList<string> Covers { get; init; } = [];
}
