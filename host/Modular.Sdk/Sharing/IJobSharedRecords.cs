namespace Modular.Sdk;

/// <summary>
/// Shared records for a scheduled job (<see cref="IScheduledJob"/>), which runs without a signed-in user and so gets
/// nothing from <see cref="ISharedRecords"/>: a source answers the job as it would the current agency's Party office
/// (every organisation's records), without people (<see cref="SharedRecord.Attendees"/> is always null), and only while
/// its module is on for the agency. It answers only inside a job the host runs for the current agency; on a page, in an
/// API or in any other work without a user it answers nothing, like a kind that is off. Since 1.6.0.
/// </summary>
/// <example>
/// <code>
/// public sealed class CloseJob(IJobSharedRecords records) : IScheduledJob
/// {
///     public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
///     {
///         var held = await records.SearchAsync(SharedRecordKinds.OrgLifeMeeting, new SharedRecordQuery(From: new DateOnly(2026, 10, 1)), ct);
///     }
/// }
/// </code>
/// </example>
public interface IJobSharedRecords : ISharedRecords
{
    /// <summary>Whether this is a job the host runs for the current agency (otherwise every kind answers nothing).</summary>
    bool InJob { get; }
}
