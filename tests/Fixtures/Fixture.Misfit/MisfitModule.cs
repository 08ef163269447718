using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Fixture.Misfit;

public sealed class MisfitModule : IModule
{
    /// <summary>Set when any copy of this plugin registers; the tests check that no broken copy ever did.</summary>
    public static int Registrations;

    public void ConfigureServices(IServiceCollection services, ModuleContext context) => Interlocked.Increment(ref Registrations);
}
