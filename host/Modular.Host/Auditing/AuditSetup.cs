using Modular.Sdk;

namespace Modular.Host.Auditing;

public static class AuditSetup
{
    /// <summary>The audit chain: its writer and key, the interceptors that record data changes, the verifier and the retention pruner.</summary>
    public static IServiceCollection AddAuditing(this IServiceCollection services)
    {
        services.AddSingleton<AuditChainKey>();
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditContext>();
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton<AuditTransactionInterceptor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditVerifier>();
        services.AddSingleton<AuditPruner>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditPruner>());
        services.AddScoped<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        return services;
    }
}
