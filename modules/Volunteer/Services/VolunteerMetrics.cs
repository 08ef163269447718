using System.Diagnostics.Metrics;

namespace Modular.Modules.Volunteer.Services;

/// <summary>The module's counters, on its meter from the SDK (exported with the portal's metrics).</summary>
public sealed class VolunteerMetrics
{
    private readonly Counter<long> _noPlace;

    public VolunteerMetrics(IModuleMetrics metrics)
    {
        var meter = metrics.For(VolunteerModule.Id);
        _noPlace = meter.CreateCounter<long>("modular.volunteer.sign_ups.no_place", "{sign-up}",
            "Sign-ups refused a place because every place was taken (put on the waiting list).");
    }

    public void NoPlace(int? agencyId) => _noPlace.Add(1, new KeyValuePair<string, object?>(ModuleMetrics.AgencyTag, agencyId));
}
