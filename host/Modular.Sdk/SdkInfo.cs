namespace Modular.Sdk;

/// <summary>Version of the contract this assembly implements; plugins state the range they support.</summary>
public static class SdkInfo
{
    /// <summary>Read from the assembly, whose version is the csproj's one <c>Version</c> property (also the NuGet package's).</summary>
    public static readonly SemanticVersion Version = FromAssembly();

    private static SemanticVersion FromAssembly()
    {
        var v = typeof(SdkInfo).Assembly.GetName().Version ?? new System.Version(1, 0, 0);
        return SemanticVersion.Parse($"{v.Major}.{v.Minor}.{Math.Max(0, v.Build)}");
    }
}
