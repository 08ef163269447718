using Modular.Plugins.Packages;

namespace Modular.Plugins;

/// <summary>Brings a plugin unpacked while the portal runs to life (implemented by the host, whose container and MVC it joins).</summary>
public interface IPluginActivator
{
    /// <summary>Loads, registers and migrates the plugin in <paramref name="folder"/>; the reason in Chinese when a step fails, else null.</summary>
    Task<string?> ActivateAsync(string folder, PluginTrust trust, CancellationToken ct = default);
}
