namespace Modular.Host.Plugins;

/// <summary>Marks an endpoint as belonging to a module, so the module gate can switch it off per agency.</summary>
public sealed record ModuleEndpointMetadata(string ModuleId);
