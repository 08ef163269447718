using Modular.Sdk;

namespace Modular.Host.Notifications;

public static class NotificationSetup
{
    /// <summary>Notices to people (the bell), for the host and for modules through <see cref="INotifications"/>.</summary>
    public static IServiceCollection AddPortalNotifications(this IServiceCollection services)
    {
        services.AddDbContext<NotificationDbContext>((sp, o) =>
            sp.GetRequiredService<IModuleDatabase>().Configure(o, NotificationDbContext.ModuleId, typeof(NotificationDbContext).Assembly), optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<NotificationService>();
        services.AddScoped<INotifications>(sp => sp.GetRequiredService<NotificationService>());
        return services;
    }
}
