using Modular.Sdk;
using Modular.Sdk.Testing;

namespace Modular.Tests.SdkTesting;

/// <summary>A vendor's test reads what its module counted, and only that.</summary>
public sealed class FakeModuleMetricsTests
{
    [Fact]
    public void Records_the_module_meter_measurements_with_their_tags_and_nothing_of_other_meters()
    {
        using var metrics = new FakeModuleMetrics();
        using var other = new FakeModuleMetrics();
        var meter = metrics.For("survey");
        Assert.Equal("Modular.Module.survey", meter.Name);
        Assert.Same(meter, metrics.For("survey"));
        var answered = meter.CreateCounter<long>("modular.survey.answers");
        answered.Add(1, new KeyValuePair<string, object?>(ModuleMetrics.AgencyTag, 7));
        answered.Add(2, new KeyValuePair<string, object?>(ModuleMetrics.AgencyTag, 8));
        other.For("survey").CreateCounter<long>("modular.survey.answers").Add(100);

        Assert.Equal(3, metrics.Sum("modular.survey.answers"));
        Assert.Equal([7, 8], metrics.Measurements.Select(m => (int)m.Tags[ModuleMetrics.AgencyTag]!));
        Assert.Equal(100, other.Sum("modular.survey.answers"));
    }
}
