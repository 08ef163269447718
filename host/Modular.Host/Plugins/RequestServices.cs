using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Autofac.Core;
using Autofac.Core.Lifetime;
using Autofac.Extensions.DependencyInjection;

namespace Modular.Host.Plugins;

/// <summary>
/// A request's services: its Autofac scope, with the container's singletons handed out from a table after their first
/// resolve. Autofac builds a resolve operation (stacks, request contexts) for every lookup, even of a singleton, and a
/// page asks for singletons by the hundred (each tag helper's HTML generator and encoders, each view's expression
/// provider, the link generator, OpenIddict's filters): a third of a list page's allocations. Scoped and transient
/// services, keyed and collection lookups go to the scope as before.
/// </summary>
public sealed class RequestServices(AutofacServiceProvider scope, RequestServices.Singletons singletons)
    : IServiceProvider, ISupportRequiredService, IKeyedServiceProvider, IServiceProviderIsService, IServiceProviderIsKeyedService
{
    private static readonly ConditionalWeakTable<IComponentRegistry, Singletons> Tables = new();

    /// <summary>The request's services over <paramref name="scope"/>, sharing the table of the scope's component registry.</summary>
    public static RequestServices Over(AutofacServiceProvider scope) =>
        new(scope, Tables.GetValue(scope.LifetimeScope.ComponentRegistry, static r => new Singletons(r)));

    /// <summary>The Autofac scope underneath.</summary>
    public AutofacServiceProvider Scope => scope;

    /// <summary>Whether anything is registered as <paramref name="serviceType"/> (answered once per registry).</summary>
    public bool IsRegisteredOnce(Type serviceType) => singletons.IsRegistered(serviceType);

    public object? GetService(Type serviceType) => singletons.Get(scope, serviceType);

    public object GetRequiredService(Type serviceType) =>
        singletons.Get(scope, serviceType) ?? scope.GetRequiredService(serviceType);

    public object? GetKeyedService(Type serviceType, object? serviceKey) => scope.GetKeyedService(serviceType, serviceKey);

    public object GetRequiredKeyedService(Type serviceType, object? serviceKey) => scope.GetRequiredKeyedService(serviceType, serviceKey);

    public bool IsService(Type serviceType) => scope.IsService(serviceType);

    public bool IsKeyedService(Type serviceType, object? serviceKey) => scope.IsKeyedService(serviceType, serviceKey);

    /// <summary>The singletons of one component registry (the container's, or a live plugin scope's, which may add some).</summary>
    public sealed class Singletons(IComponentRegistry registry)
    {
        // Null: not a singleton in this registry, resolved by the scope every time.
        private readonly ConcurrentDictionary<Type, object?> _instances = new();
        private readonly ConcurrentDictionary<Type, bool> _registered = new();

        public bool IsRegistered(Type serviceType) =>
            _registered.GetOrAdd(serviceType, static (t, r) => r.IsRegistered(new TypedService(t)), registry);

        public object? Get(AutofacServiceProvider scope, Type serviceType)
        {
            if (_instances.TryGetValue(serviceType, out var known)) return known ?? scope.GetService(serviceType);
            var instance = scope.GetService(serviceType);
            var shared = instance is not null
                         && registry.TryGetServiceRegistration(new TypedService(serviceType), out var registration)
                         && registration.Registration is { Sharing: InstanceSharing.Shared, Lifetime: RootScopeLifetime };
            _instances.TryAdd(serviceType, shared ? instance : null);
            return instance;
        }
    }
}
