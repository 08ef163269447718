using Modular.Host;
using Modular.Host.Backups;

// backup / restore / --help: the host's commands, before (and instead of) the web app.
if (BackupCommands.IsCommand(args)) return await BackupCommands.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
var catalog = await builder.AddModularHostAsync();
var app = builder.Build();
await app.InitializeModularHostAsync(catalog);
app.UseModularHost(catalog);
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to integration tests.</summary>
public partial class Program;
