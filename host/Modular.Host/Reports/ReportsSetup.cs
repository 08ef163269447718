using Modular.Sdk;

namespace Modular.Host.Reports;

public static class ReportsSetup
{
    /// <summary>Word documents for every module, and the monthly report made from the modules' report sections.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<IWordDocuments, WordRenderer>();
        services.AddScoped<MonthlyReportService>();
        services.AddScoped<MonthlyReportFiles>();
        return services;
    }
}
