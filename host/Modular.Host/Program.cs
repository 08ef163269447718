using Modular.Host;

var builder = WebApplication.CreateBuilder(args);
var catalog = await builder.AddModularHostAsync();
var app = builder.Build();
await app.InitializeModularHostAsync(catalog);
app.UseModularHost(catalog);
await app.RunAsync();

/// <summary>Entry point type, visible to integration tests.</summary>
public partial class Program;
