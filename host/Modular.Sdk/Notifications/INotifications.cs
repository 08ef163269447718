namespace Modular.Sdk;

/// <summary>A short message to a member: its title on the bell in the top bar and in 我的消息, a link to follow.</summary>
/// <param name="Title">The message in one line.</param>
/// <param name="Body">More text, if any.</param>
/// <param name="Url">A path on this portal (e.g. <c>/m/volunteer/Activities/Details/5</c>); anything else is dropped.</param>
public sealed record Notice(string Title, string? Body = null, string? Url = null);

/// <summary>Tells members of the current agency something (an activity cancelled, a meeting planned, a reminder).</summary>
public interface INotifications
{
    /// <summary>Sends to these members (directory ids) of the current agency; ids of other agencies are ignored.</summary>
    Task SendAsync(string moduleId, IEnumerable<int> memberIds, Notice notice, CancellationToken cancellationToken = default);
}
