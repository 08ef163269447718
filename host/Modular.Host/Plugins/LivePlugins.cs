using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Modular.Plugins;
using Modular.Sdk;

namespace Modular.Host.Plugins;

/// <summary>
/// The MVC and Autofac side of a plugin installed while the portal runs (<see cref="LiveActivation"/> does the rest). The
/// container built at start cannot take new registrations, so the plugin's go into a child lifetime scope (each new plugin
/// nests in the last); every request is then served from a scope of the newest one, which sees the host's services and
/// every plugin's. Its pages join MVC as application parts, its API as a route group of a data source that signals the change.
/// </summary>
public sealed class LivePlugins(PluginCatalog catalog, ILifetimeScope root, ApplicationPartManager parts, PluginActionChanges actions,
    LiveEndpointSource endpoints, Tenancy.ModuleSwitchWatcher switches) : ILivePluginHost, IAsyncDisposable
{
    private readonly List<ILifetimeScope> _scopes = [];
    private volatile ILifetimeScope? _scope;
    private readonly FileExtensionContentTypeProvider _types = new();

    /// <summary>The newest plugin scope, or null while every plugin came with the start.</summary>
    public ILifetimeScope? Scope => _scope;

    public (IServiceProvider Services, IAsyncDisposable Scope) BeginScope(PluginDescriptor plugin, IServiceCollection registrations)
    {
        var child = (_scope ?? root).BeginLifetimeScope("plugin:" + plugin.Id, b => b.Populate(registrations));
        return (new AutofacServiceProvider(child), child);
    }

    public IReadOnlyList<Endpoint> MapEndpoints(PluginDescriptor plugin, IServiceProvider services)
    {
        var builder = new PluginRouteBuilder(services);
        var group = builder.MapGroup($"/m/{plugin.Id}/api").RequireAuthorization(Policies.ModuleApi).WithMetadata(new ModuleEndpointMetadata(plugin.Id));
        plugin.Module!.MapEndpoints(group);
        // A route group builds new endpoints each time it is asked: once, here.
        return builder.DataSources.SelectMany(s => s.Endpoints).ToList();
    }

    public void Publish(PluginDescriptor plugin, IAsyncDisposable scope, IReadOnlyList<Endpoint> built)
    {
        endpoints.Add(built);
        parts.AddPluginApplicationParts(catalog);
        var child = (ILifetimeScope)scope;
        _scopes.Add(child);
        _scope = child;
        actions.Signal();
        // Agencies' switches cached before it ran left it out; on another instance it may be on already.
        switches.Changed();
    }

    /// <summary>Serves a live plugin's static files, as <see cref="PluginWebExtensions.UsePluginStaticFiles"/> does for the others.</summary>
    public async Task<bool> TryServeStaticAsync(HttpContext http)
    {
        if (_scope is null || ModulePaths.ModuleId(http.Request.Path) is not { } id || !ModulePaths.IsStaticAsset(http.Request.Path, id)) return false;
        if (catalog.Find(id) is not { } plugin) return false;
        var relative = http.Request.Path.Value![$"/m/{id}/static".Length..];
        var root = Path.Combine(plugin.Folder, "wwwroot");
        if (!Directory.Exists(root)) return false;
        using var files = new PhysicalFileProvider(root);
        var file = files.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory) return false;
        http.Response.ContentType = _types.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
        http.Response.ContentLength = file.Length;
        await http.Response.SendFileAsync(file, http.RequestAborted);
        return true;
    }

    /// <summary>The plugin scopes are not the container's own: they go, newest first, when the portal stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _scope = null;
        for (var i = _scopes.Count - 1; i >= 0; i--) await _scopes[i].DisposeAsync();
        _scopes.Clear();
    }

    private sealed class PluginRouteBuilder(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider { get; } = services;
        public ICollection<EndpointDataSource> DataSources { get; } = new List<EndpointDataSource>();
        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(ServiceProvider);
    }
}

/// <summary>Tells MVC to read its actions again once a live plugin's pages were added.</summary>
public sealed class PluginActionChanges : IActionDescriptorChangeProvider
{
    private CancellationTokenSource _source = new();

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_source.Token);

    public void Signal()
    {
        var previous = Interlocked.Exchange(ref _source, new CancellationTokenSource());
        previous.Cancel();
    }
}

/// <summary>The API endpoints of plugins installed while the portal runs (those of the start are mapped as usual).</summary>
public sealed class LiveEndpointSource : EndpointDataSource
{
    private readonly Lock _lock = new();
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _source = new();

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(_source.Token);

    public void Add(IEnumerable<Endpoint> endpoints)
    {
        lock (_lock)
        {
            _endpoints = [.. _endpoints, .. endpoints];
            var previous = _source;
            _source = new CancellationTokenSource();
            previous.Cancel();
        }
    }
}
