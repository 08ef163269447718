using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Plugins;

/// <summary>
/// The vendor's path, end to end: the SDK packed as a NuGet package, a project made from the dotnet new template outside
/// the repository, built and tested against that package and the SDK's test kit only, packed with modpack, and installed into a running portal.
/// </summary>
public sealed class PluginTemplateTests
{
    private static readonly string TemplateDir = Path.Combine(Paths.Root, "tools", "templates", "modular-plugin");
    private static readonly string[] Packages = ["Modular.Sdk", "Modular.Sdk.Testing"];

    [Fact]
    public void The_template_pins_the_portal_s_versions()
    {
        var central = XDocument.Load(Path.Combine(Paths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        var props = XDocument.Load(Path.Combine(TemplateDir, "Directory.Build.props")).Descendants().ToDictionary(e => e.Name.LocalName, e => e.Value);
        Assert.Equal(central["Microsoft.EntityFrameworkCore.Relational"], props["EfCoreVersion"]);
        Assert.Equal(central["Npgsql.EntityFrameworkCore.PostgreSQL"], props["NpgsqlEfCoreVersion"]);
        var tests = XDocument.Load(Path.Combine(TemplateDir, "Contoso.Sample.Tests", "Contoso.Sample.Tests.csproj")).Descendants("PackageReference")
            .Where(e => e.Attribute("Version")?.Value.StartsWith('$') == false);
        foreach (var reference in tests) Assert.Equal(central[(string)reference.Attribute("Include")!], (string)reference.Attribute("Version")!);
        var template = File.ReadAllText(Path.Combine(TemplateDir, ".template.config", "template.json"));
        Assert.Contains($"\"defaultValue\": \"{SdkInfo.Version}\"", template);
        var sdkProject = XDocument.Load(Path.Combine(Paths.Root, "host", "Modular.Sdk", "Modular.Sdk.csproj"));
        Assert.Equal(SdkInfo.Version.ToString(), sdkProject.Descendants("Version").Single().Value);
    }

    [Fact]
    public async Task A_plugin_made_from_the_template_builds_against_the_packed_SDK_and_installs_into_a_running_portal()
    {
        var work = PortalFactory.NewWorkDir();
        // A version of its own, so that no package cached by an earlier run (of other SDK sources) is taken.
        var version = $"{SdkInfo.Version}-t{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        try
        {
            // The SDK packed from a copy of its sources, leaving the repository's build output alone.
            var src = Path.Combine(work, "sdk-src");
            File.Copy(Path.Combine(Paths.Root, "Directory.Build.props"), Path.Combine(Directory.CreateDirectory(src).FullName, "Directory.Build.props"));
            File.Copy(Path.Combine(Paths.Root, "Directory.Packages.props"), Path.Combine(src, "Directory.Packages.props"));
            var feed = Path.Combine(work, "feed");
            // The SDK and its test kit (which the template's test project uses), both at this run's version.
            foreach (var project in Packages)
            {
                CopySources(Path.Combine(Paths.Root, "host", project), Path.Combine(src, "host", project));
                await RunAsync(work, "dotnet", "pack", Path.Combine(src, "host", project), "-c", "Release", "-o", feed, $"-p:Version={version}", "-nologo");
                Assert.True(File.Exists(Path.Combine(feed, $"{project}.{version}.nupkg")));
            }

            var hive = Path.Combine(work, "hive");
            var vendor = Path.Combine(work, "vendor");
            await RunAsync(work, "dotnet", "new", "install", TemplateDir, "--debug:custom-hive", hive);
            await RunAsync(work, "dotnet", "new", "modular-plugin", "-n", "Acme.Minutes", "--pluginId", "minutes", "--displayName", "会议纪要",
                "--vendor", "某软件公司", "--sdkVersion", version, "--sdkFeed", feed, "-o", vendor, "--debug:custom-hive", hive);
            // Its own test project builds the plugin too; nothing of the repository is above the vendor's folder.
            var testOutput = await RunAsync(vendor, "dotnet", "test", "Acme.Minutes.Tests", "-c", "Release", "-nologo");
            Assert.Contains("Passed!", testOutput);
            var built = Path.Combine(vendor, "Acme.Minutes", "bin", "Release", "net10.0");
            Assert.False(File.Exists(Path.Combine(built, "Modular.Sdk.dll")));

            var modpack = Directory.GetFiles(Path.Combine(Paths.Root, "tools", "Modular.Pack", "bin"), "modpack.dll", SearchOption.AllDirectories).First();
            var dist = Path.Combine(work, "dist");
            // The vendor signs with its own key; the platform's security administrator allows that key.
            var keyFile = Path.Combine(work, "publisher.pem");
            var keygen = await RunAsync(work, "dotnet", modpack, "keygen", keyFile);
            var publicKey = System.Text.RegularExpressions.Regex.Match(keygen, @"public key:\s+(\S+)").Groups[1].Value;
            await RunAsync(work, "dotnet", modpack, "pack", built, "--out", dist, "--key", keyFile, "--publisher", "某软件公司");
            var package = await File.ReadAllBytesAsync(Path.Combine(dist, "minutes-1.0.0.modpkg"));

            using var portal = new PortalFactory("notes");
            var security = await portal.SignedInAsync("secadmin");
            Assert.Equal(HttpStatusCode.Redirect, (await security.PostFormAsync("/Security/Publishers",
                new Dictionary<string, string> { ["Name"] = "某软件公司", ["PublicKey"] = publicKey }, "/Security/Publishers?handler=Add")).StatusCode);
            var admin = await portal.SignedInAsync("admin");
            var page = await admin.UploadOkAsync(package);
            Assert.Contains("“会议纪要” 1.0.0 已安装并运行", page);
            Assert.Contains("某软件公司", page);
            await portal.TurnOnAsync(await portal.DemoAgencyIdAsync(), "minutes");

            var office = await portal.SignedInAsync("office");
            Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/m/minutes")).StatusCode);
            // Its to-do asks for a first record, until there is one.
            Assert.Contains("登记第一条记录", await office.GetStringAsync("/Todo"));
            var refused = await office.PostFormAsync("/m/minutes", new Dictionary<string, string> { ["Title"] = " " });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("请填写标题。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
            var added = await office.PostFormAsync("/m/minutes", new Dictionary<string, string> { ["Title"] = "支委会纪要" });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            Assert.Contains("记录已登记。", await office.GetStringAsync(added.Headers.Location!.ToString()));
            Assert.Contains("支委会纪要", await office.GetStringAsync("/m/minutes/api/records"));
            // [RequirePermission] on the handler: a member sees the records but adding one answers 404 and adds nothing.
            var member = await portal.SignedInAsync("member");
            Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/m/minutes")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await member.PostFormAsync("/m/minutes", new Dictionary<string, string> { ["Title"] = "成员私加" })).StatusCode);
            Assert.DoesNotContain("成员私加", await office.GetStringAsync("/m/minutes/api/records"));
            Assert.Contains("会议纪要", await office.GetStringAsync("/"));
            Assert.DoesNotContain("登记第一条记录", await office.GetStringAsync("/Todo"));
        }
        finally
        {
            // The package cache keeps one folder per version: this run's goes.
            var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (var project in Packages)
            {
                var cached = Path.Combine(cache, project.ToLowerInvariant(), version.ToLowerInvariant());
                if (Directory.Exists(cached)) Directory.Delete(cached, true);
            }
        }
    }

    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj") continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Runs a command to its end (at most 5 minutes) and returns what it printed; fails the test on a non-zero exit.</summary>
    private static async Task<string> RunAsync(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        // The test host's MSBuild settings would point the child build at this run's SDK internals.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "VSTEST_HOST_DEBUG").ToList())
            start.Environment.Remove(key);
        // No build servers left running after the test.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{text}");
        return text;
    }
}
