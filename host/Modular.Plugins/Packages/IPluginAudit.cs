namespace Modular.Plugins.Packages;

/// <summary>An event of the plugin runtime for the host's audit chain.</summary>
/// <param name="BySystem">Done by the portal itself (at start, or bringing another instance's package here), not by the signed-in user.</param>
public sealed record PluginAuditEvent(string Action, string Target, string? Details, bool Success, bool BySystem = false);

/// <summary>The host's audit chain, as the plugin runtime writes to it (implemented by the host).</summary>
public interface IPluginAudit
{
    /// <summary>Appends the events, by the signed-in user and from their address unless marked as the system's.</summary>
    Task AppendAsync(IReadOnlyList<PluginAuditEvent> events, CancellationToken ct = default);
}
