using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Fixture.Marker;

/// <summary>Writes a file when constructed and when registering, so a test can tell whether any of its code ran.</summary>
public sealed class MarkerModule : IModule
{
    public const string Variable = "MODULAR_FIXTURE_MARKER";

    public MarkerModule() => Mark("constructed");

    public void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        Mark("configured " + context.ModuleId);
        services.AddDashboardWidget<MarkerWidget>();
    }

    private static void Mark(string what)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, "ran.txt"), what + "\n");
    }
}

/// <summary>Belongs to "marker"; under the "marker-foreign" manifest it is another module's.</summary>
public sealed class MarkerWidget : IDashboardWidget
{
    public string ModuleId => "marker";
    public Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken) =>
        Task.FromResult<WidgetContent?>(new WidgetContent(new LocalizedText("留痕卡片", "Marker card")));
}
