using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;

namespace Modular.Tests.Infrastructure;

/// <summary>Now and today as the portal's modules see them (the agency's time zone), not the test machine's.</summary>
public static class AgencyTime
{
    public static DateTime AgencyNow(this PortalFactory portal) => portal.Services.GetRequiredService<IAgencyClock>().LocalNow;

    public static DateOnly AgencyToday(this PortalFactory portal) => portal.Services.GetRequiredService<IAgencyClock>().Today;
}
