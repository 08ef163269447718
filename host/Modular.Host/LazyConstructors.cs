using System.Reflection;
using Autofac;
using Autofac.Core;
using Autofac.Extensions.DependencyInjection;
using Autofac.Util.Cache;

namespace Modular.Host;

/// <summary>
/// Autofac compiles an expression for every public constructor of every registered type when the container is built
/// (about 1,500 here, each a dynamic method the JIT compiles fully optimised: a third of start-up's JIT), though a start
/// and a page use a few hundred of them. This factory fills Autofac's cache of constructor delegates beforehand with
/// delegates that make a <see cref="ConstructorInvoker"/> at their first call instead: a type costs something only when
/// it is first created. The cache is Autofac's public <see cref="ReflectionCacheSet"/>; only its name is Autofac's detail
/// (a test checks that the container takes these delegates).
/// </summary>
public sealed class LazyConstructorsFactory(AutofacServiceProviderFactory inner) : IServiceProviderFactory<ContainerBuilder>
{
    public const string CacheName = "ConstructorBinderFactory";

    // Held until the container is built: the shared set is only weakly referenced by Autofac.
    private ReflectionCacheSet? _caches;

    public ContainerBuilder CreateBuilder(IServiceCollection services)
    {
        _caches = ReflectionCacheSet.Shared;
        var factories = Cache(_caches);
        foreach (var d in services)
        {
            var type = d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType;
            if (type is null || type.ContainsGenericParameters) continue;
            foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
                if (!constructor.GetParameters().Any(p => p.ParameterType.IsByRef || p.ParameterType.IsPointer))
                    factories.TryAdd(constructor, Lazy(constructor));
        }
        return inner.CreateBuilder(services);
    }

    public IServiceProvider CreateServiceProvider(ContainerBuilder containerBuilder)
    {
        var provider = inner.CreateServiceProvider(containerBuilder);
        _caches = null;
        return provider;
    }

    /// <summary>Autofac's cache of constructor delegates (the one its constructor binders read).</summary>
    public static ReflectionCacheDictionary<ConstructorInfo, Func<object?[], object>> Cache(ReflectionCacheSet caches) =>
        caches.GetOrCreateCache<ReflectionCacheDictionary<ConstructorInfo, Func<object?[], object>>>(CacheName);

    /// <summary>Whether <paramref name="factory"/> is one of ours (for the test).</summary>
    public static bool IsLazy(Func<object?[], object> factory) => factory.Target is LazyInvoker;

    private static Func<object?[], object> Lazy(ConstructorInfo constructor) => new LazyInvoker(constructor).Invoke;

    private sealed class LazyInvoker(ConstructorInfo constructor)
    {
        private ConstructorInvoker? _invoker;

        // Like Autofac's compiled delegate: null gives a value type its default, and exceptions are not wrapped.
        public object Invoke(object?[] args) => (_invoker ??= ConstructorInvoker.Create(constructor)).Invoke(args.AsSpan());
    }
}
