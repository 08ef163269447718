using Modular.Host.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Modular.Host;

/// <summary>Tells whoever started the portal where it is and how to sign in to the demo.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var options = app.Services.GetRequiredService<ModularOptions>();
        Console.WriteLine();
        Console.WriteLine("==============================================================");
        Console.WriteLine(" Modular 机关党建平台 is running at:");
        foreach (var a in addresses) Console.WriteLine("   " + a);
        if (DemoSeeder.BootstrapAccounts.Count > 0)
        {
            Console.WriteLine(" First start: administrator accounts (change each password at the first sign-in):");
            foreach (var (user, password, role) in DemoSeeder.BootstrapAccounts)
                Console.WriteLine($"   {user,-12} {password,-18} {role}");
        }
        if (options.SeedDemoData)
        {
            Console.WriteLine(" Demo accounts (user / password / role):");
            foreach (var account in DemoSeeder.Accounts)
                Console.WriteLine($"   {account.UserName,-12} {DemoSeeder.DemoPassword,-14} {account.Description}");
        }
        Console.WriteLine("==============================================================");
        Console.WriteLine();
    }
}
