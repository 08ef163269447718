namespace Modular.Host.Jobs;

/// <summary>
/// Which agency the host runs a scheduled job for in this scope, set by <see cref="ScheduledJobRunner"/> alone (modules
/// see only the SDK, so none can claim to be a job). In the child scope where <see cref="JobSharedRecords"/> asks the
/// sources, <see cref="ReadsAsOffice"/> lets permissions and the directory's scope answer as for the agency's Party office.
/// </summary>
public sealed class JobRunContext
{
    public int? AgencyId { get; private set; }
    /// <summary>True only in the scope that reads shared records for a job.</summary>
    public bool ReadsAsOffice { get; private set; }

    /// <summary>Whether this scope reads as the Party office of <paramref name="agencyId"/> (the job's agency).</summary>
    public bool ReadsAsOfficeOf(int? agencyId) => ReadsAsOffice && agencyId is not null && AgencyId == agencyId;

    public void Begin(int agencyId) => AgencyId = agencyId;

    public void BeginOfficeRead(int agencyId)
    {
        AgencyId = agencyId;
        ReadsAsOffice = true;
    }
}
