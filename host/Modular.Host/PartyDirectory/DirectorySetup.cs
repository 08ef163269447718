using Modular.Sdk;

namespace Modular.Host.PartyDirectory;

public static class DirectorySetup
{
    /// <summary>The directory (organisations, members): the host's, on the same database as a module's data.</summary>
    public static void AddPartyDirectory(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(builder.Configuration.GetSection("Directory").Get<DirectorySettings>() ?? new DirectorySettings());
        services.AddDbContext<DirectoryDbContext>((sp, o) =>
            sp.GetRequiredService<IModuleDatabase>().Configure(o, DirectoryDbContext.ModuleId, typeof(DirectoryDbContext).Assembly), optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<PersonalDataProtector>();
        services.AddScoped<DirectoryService>();
        services.AddScoped<IDirectory>(sp => sp.GetRequiredService<DirectoryService>());
        services.AddScoped<IMemberChanges, MemberChanges>();
        services.AddScoped<IMemberTransfers, MemberTransfers>();
        services.AddScoped<IOrganizationChanges, OrganizationChanges>();
        // The SDK's per-request views of the directory.
        services.AddScoped<ICurrentMember, CurrentMember>();
        services.AddScoped<PeopleLookup>();
        services.AddScoped<DirectoryWarnings>();
        services.AddScoped<DirectoryDemoData>();
        services.AddScoped<DirectoryLabels>();
        services.AddScoped<MemberImport>();
        services.AddScoped<DirectoryStatistics>();
        services.AddTodoProvider<DirectoryTodoProvider>();
        services.AddDashboardWidget<DirectoryWidget>();
    }
}
