using Autofac;
using Autofac.Core;
using Autofac.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host;

namespace Modular.Tests.Hosting;

/// <summary>
/// The host's container factory fills Autofac's cache of constructor delegates with delegates that are made at their first
/// call (start-up compiled one expression per registered constructor): the container must read that very cache, and what
/// it creates through them must behave as through Autofac's own.
/// </summary>
public sealed class LazyConstructorsTests
{
    public sealed class Seeded(Dependency dependency, int count = 3)
    {
        public Dependency Dependency { get; } = dependency;
        public int Count { get; } = count;
    }

    public sealed class Dependency;

    public sealed class Registered;

    public sealed class Throwing
    {
        public Throwing() => throw new InvalidOperationException("made to fail");
    }

    private static IServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddTransient<Seeded>();
        services.AddSingleton<Dependency>();
        services.AddTransient<Throwing>();
        // Registered with Autofac directly, so not seeded: its delegate is the one Autofac compiles into its cache.
        var factory = new LazyConstructorsFactory(new AutofacServiceProviderFactory(b => b.RegisterType<Registered>()));
        return factory.CreateServiceProvider(factory.CreateBuilder(services));
    }

    [Fact]
    public void The_container_reads_the_seeded_cache_and_creates_through_it()
    {
        // Held for the whole test: Autofac keeps the shared set only weakly, and a collection would start a new one.
        var caches = ReflectionCacheSet.Shared;
        var provider = Build();

        var seeded = provider.GetRequiredService<Seeded>();
        Assert.Same(provider.GetRequiredService<Dependency>(), seeded.Dependency);
        Assert.Equal(3, seeded.Count);
        Assert.NotSame(seeded, provider.GetRequiredService<Seeded>());
        Assert.NotNull(provider.GetRequiredService<Registered>());
        // A null given for a value type is its default, as Autofac's compiled delegate makes it.
        var withNull = provider.GetRequiredService<ILifetimeScope>().Resolve<Seeded>(new TypedParameter(typeof(int), null));
        Assert.Equal(0, withNull.Count);

        Assert.Same(caches, ReflectionCacheSet.Shared);
        var cache = LazyConstructorsFactory.Cache(caches);
        Assert.True(LazyConstructorsFactory.IsLazy(cache[typeof(Seeded).GetConstructors().Single()]));
        // Autofac put its own compiled delegate for the type it registered into the same cache: the cache is the one it reads.
        Assert.True(cache.TryGetValue(typeof(Registered).GetConstructors().Single(), out var compiled));
        Assert.False(LazyConstructorsFactory.IsLazy(compiled));
    }

    [Fact]
    public void A_constructor_s_exception_reaches_the_caller_unwrapped_as_through_Autofac()
    {
        var provider = Build();

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<Throwing>());
        var chain = new List<Exception>();
        for (var e = error; e is not null; e = e.InnerException) chain.Add(e);
        Assert.Contains(chain, e => e is DependencyResolutionException);
        Assert.DoesNotContain(chain, e => e is System.Reflection.TargetInvocationException);
        Assert.Equal("made to fail", error.GetBaseException().Message);
    }
}
