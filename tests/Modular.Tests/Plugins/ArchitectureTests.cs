using System.Reflection;
using System.Xml.Linq;
using Modular.Tests.Infrastructure;
using NetArchTest.Rules;

namespace Modular.Tests.Plugins;

/// <summary>The boundaries that keep plugins pluggable, written down so they cannot rot.</summary>
public sealed class ArchitectureTests
{
    private static IEnumerable<string> PluginProjects() =>
        Directory.GetFiles(Path.Combine(Paths.Root, "modules"), "*.csproj", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(Paths.Root, "tests", "Fixtures"), "*.csproj", SearchOption.AllDirectories));

    private static IEnumerable<string> ProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference").Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')));

    [Fact]
    public void Plugins_reference_only_the_SDK()
    {
        var projects = PluginProjects().ToList();
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            Assert.All(ProjectReferences(project), r => Assert.Equal("Modular.Sdk", r));
        }
    }

    [Fact]
    public void Plugin_assemblies_reference_no_host_and_no_other_plugin()
    {
        var pluginAssemblies = Directory.GetDirectories(Paths.FixturePlugins)
            .SelectMany(d => Directory.GetFiles(d, "Fixture.*.dll")).ToList();
        Assert.NotEmpty(pluginAssemblies);
        foreach (var file in pluginAssemblies)
        {
            var references = ReferencedNames(file);
            Assert.DoesNotContain("Modular.Host", references);
            Assert.DoesNotContain("Modular.Plugins", references);
            Assert.DoesNotContain(references, r => r.StartsWith("Fixture.", StringComparison.Ordinal) && r != Path.GetFileNameWithoutExtension(file));
        }
    }

    [Fact]
    public void The_host_references_no_module()
    {
        var host = Path.Combine(Paths.HostProject, "Modular.Host.csproj");
        Assert.Equal(["Modular.Sdk", "Modular.Plugins"], ProjectReferences(host));
        var references = typeof(Program).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, r => r.StartsWith("Fixture.", StringComparison.Ordinal) || r.StartsWith("Modular.Modules", StringComparison.Ordinal));
    }

    [Fact]
    public void The_SDK_does_not_depend_on_the_host()
    {
        var result = Types.InAssembly(typeof(Modular.Sdk.IModule).Assembly)
            .ShouldNot().HaveDependencyOnAny("Modular.Host", "Autofac", "McMaster.NETCore.Plugins", "Microsoft.EntityFrameworkCore.Sqlite")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_plugin_runtime_knows_the_SDK_not_the_host()
    {
        var runtime = Path.Combine(Paths.Root, "host", "Modular.Plugins", "Modular.Plugins.csproj");
        Assert.Equal(["Modular.Sdk"], ProjectReferences(runtime));
        var result = Types.InAssembly(typeof(Modular.Plugins.PluginCatalog).Assembly)
            .ShouldNot().HaveDependencyOnAny("Modular.Host", "Autofac", "Microsoft.AspNetCore.Mvc")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static List<string> ReferencedNames(string file)
    {
        // Read the metadata without loading the assembly into this process.
        using var stream = File.OpenRead(file);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
    }
}
