using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Supervision;

/// <summary>The figures supervision offers the organ work committee, from the demo data: counts with their lights, no names.</summary>
public sealed class SupervisionIndicatorTests(SupervisionIndicatorTests.Portal portal) : IClassFixture<SupervisionIndicatorTests.Portal>
{
    public sealed class Portal() : PortalFactory("supervision");

    [Fact]
    public async Task Overdue_tasks_and_items_and_prompts_answered_come_with_the_lights_of_their_rules()
    {
        var agency = await portal.DemoAgencyIdAsync();
        using var _ = AgencyScope.Use(agency);
        await using var scope = portal.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IIndicatorSource>().Single(s => s.ModuleId == "supervision");
        Assert.All(source.Definitions, d => Assert.StartsWith("supervision.", d.Key));
        var values = await source.GetAsync(new IndicatorPeriod(portal.Today.Year, null, PerOrganization: true), CancellationToken.None);
        var whole = values.Where(v => v.OrganizationId is null).ToDictionary(v => v.Key);

        // The demo's tasks due so far were closed on time; one ledger item is ten days late; last month's prompt was
        // answered by all but one organisation, this month's is not due yet.
        Assert.Equal((0m, IndicatorLight.Green), (whole["supervision.tasks-overdue"].Value, whole["supervision.tasks-overdue"].Light));
        Assert.Equal((1m, IndicatorLight.Amber), (whole["supervision.items-overdue"].Value, whole["supervision.items-overdue"].Light));
        var answered = whole["supervision.prompts-answered"];
        var parts = answered.Detail!.Split('/').Select(int.Parse).ToArray();
        Assert.Equal(parts[1] - 1, parts[0]);
        Assert.Equal(Math.Round(100m * parts[0] / parts[1], 1), answered.Value);
        Assert.Contains(values, v => v.OrganizationId is not null && v.Key == "supervision.items-overdue" && v.Value == 1);
        // Figures only: a detail is digits and a slash, never a name.
        Assert.All(values, v => Assert.Matches(@"^[\d/]*$", v.Detail ?? ""));
        // A month still to come has no figures.
        Assert.Empty(await source.GetAsync(new IndicatorPeriod(portal.Today.Year + 1, 1), CancellationToken.None));
    }
}
