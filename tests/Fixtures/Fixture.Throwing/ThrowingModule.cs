using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Fixture.Throwing;

public sealed class ThrowingModule : IModule
{
    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        services.AddSingleton<LeftBehind>();
        throw new InvalidOperationException("fixture failure while registering");
    }
}

/// <summary>Registered before the failure; the host must not keep it.</summary>
public sealed class LeftBehind;
