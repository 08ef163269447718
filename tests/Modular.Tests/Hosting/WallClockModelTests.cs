using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Hosting;

/// <summary>
/// Volunteer and study keep the agency's wall-clock times (SDK <c>ModuleDbContext.WallClockDateTimes</c>): on the test's
/// provider their models still match their migrations (nothing to add), and on PostgreSQL every DateTime column is
/// <c>timestamp without time zone</c>, as their migrations made it.
/// </summary>
public sealed class WallClockModelTests : IClassFixture<WallClockModelTests.Portal>
{
    public sealed class Portal() : PortalFactory("volunteer", "study");

    private readonly Portal _portal;
    public WallClockModelTests(Portal portal) => _portal = portal;

    [Theory]
    [InlineData("volunteer")]
    [InlineData("study")]
    public async Task A_wall_clock_module_s_model_matches_its_migrations(string moduleId)
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var registration = scope.ServiceProvider.GetServices<ModuleDbContextRegistration>().Single(r => r.ModuleId == moduleId);
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(registration.ContextType);

        Assert.False(context.Database.HasPendingModelChanges(), $"{moduleId}: the model no longer matches its migrations");
        var dateTimes = context.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)).ToList();
        Assert.NotEmpty(dateTimes);
        if (TestDatabase.IsPostgreSql)
            Assert.All(dateTimes, p => Assert.Equal("timestamp without time zone", p.GetColumnType()));
    }
}
