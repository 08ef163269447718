using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Operations;
using Modular.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Modular.Tests.Performance;

/// <summary>
/// Database commands per signed-in page, from the host's request cost meter (Modular:RequestCost): numbers, not
/// timings, so they do not depend on the machine. A page that starts asking per row (N+1) or loses a cache fails here.
/// </summary>
public sealed class RequestCostTests(RequestCostTests.Portal portal, ITestOutputHelper output) : IClassFixture<RequestCostTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("org-life", "volunteer", "civilization", "integrity") => Settings["Modular:RequestCost"] = "true";
    }

    /// <summary>The page's commands on a warm request (its caches filled by the first), as the office sees it.</summary>
    private async Task<RequestCostSample> WarmCostAsync(HttpClient client, string path)
    {
        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        (await client.GetAsync(path)).Dispose();
        var sample = portal.Services.GetRequiredService<RequestCostMeter>().Samples(path)[^1];
        Assert.Equal(200, sample.Status);
        output.WriteLine($"{path}: {sample.Queries} queries, {sample.Bytes / 1024} KiB");
        return sample;
    }

    [Theory]
    [InlineData("/", 60)]
    [InlineData("/Directory/Members", 12)]
    [InlineData("/m/org-life/Meetings", 27)]
    [InlineData("/m/org-life/Compliance", 19)]
    [InlineData("/m/volunteer/Stats", 12)]
    [InlineData("/m/volunteer", 11)]
    [InlineData("/m/integrity/Risks", 12)]
    public async Task A_signed_in_page_asks_the_database_a_bounded_number_of_times(string path, int most)
    {
        var client = await portal.SignedInAsync("office");
        var cost = await WarmCostAsync(client, path);
        Assert.True(cost.Queries > 0, "the meter counts the page's commands");
        Assert.True(cost.Queries <= most, $"{path}: {cost.Queries} database commands, expected at most {most}");
    }

    [Fact]
    public async Task The_cost_page_answers_per_path_when_the_meter_is_on()
    {
        var client = await portal.SignedInAsync("office");
        (await client.GetAsync("/ping")).Dispose();
        var json = await client.GetStringAsync(RequestCostMeter.Path);
        Assert.Contains("\"/ping\"", json);
        Assert.Contains("medianQueries", json);
    }
}
