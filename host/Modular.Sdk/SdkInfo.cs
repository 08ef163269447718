namespace Modular.Sdk;

/// <summary>Version of the contract this assembly implements; plugins state the range they support.</summary>
public static class SdkInfo
{
    public static readonly SemanticVersion Version = SemanticVersion.Parse("1.0.0");
}
