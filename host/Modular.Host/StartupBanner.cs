using Modular.Host.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Modular.Host;

/// <summary>Tells whoever started the portal where it is and how to sign in to the demo.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var lines = Lines(app);
        if (app.Services.GetRequiredService<Operations.OperationsOptions>().JsonLogs)
        {
            // The console is a stream of JSON objects for a log collector: the banner is one of them.
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupBanner).FullName!)
                .LogInformation("{Banner}", string.Join('\n', lines));
            return;
        }
        Console.WriteLine();
        Console.WriteLine("==============================================================");
        foreach (var line in lines) Console.WriteLine(line);
        Console.WriteLine("==============================================================");
        Console.WriteLine();
    }

    private static List<string> Lines(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var options = app.Services.GetRequiredService<ModularOptions>();
        var lines = new List<string> { " Modular 机关党建平台 is running at:" };
        lines.AddRange(addresses.Select(a => "   " + a));
        if (DemoSeeder.BootstrapAccounts.Count > 0)
        {
            lines.Add(" First start: administrator accounts (change each password at the first sign-in):");
            lines.AddRange(DemoSeeder.BootstrapAccounts.Select(b => $"   {b.UserName,-12} {b.Password,-18} {b.Role}"));
        }
        if (options.SeedDemoData)
        {
            lines.Add(" Demo accounts (user / password / role):");
            lines.AddRange(DemoSeeder.Accounts.Select(a => $"   {a.UserName,-12} {DemoSeeder.DemoPassword,-14} {a.Description}"));
        }
        return lines;
    }
}
