namespace Modular.Sdk.Testing;

/// <summary>One notice a module sent.</summary>
/// <param name="ModuleId">The module that sent it.</param>
/// <param name="MemberIds">Its recipients (directory ids).</param>
/// <param name="Notice">What it says.</param>
public sealed record SentNotice(string ModuleId, IReadOnlyList<int> MemberIds, Notice Notice);

/// <summary>Records what is sent instead of sending it; a test reads <see cref="Sent"/>.</summary>
public sealed class FakeNotifications : INotifications
{
    private readonly List<SentNotice> _sent = [];

    /// <summary>Everything sent, in order.</summary>
    public IReadOnlyList<SentNotice> Sent => _sent;

    /// <summary>When set, every send throws it (to test what a module does when sending fails).</summary>
    public Exception? FailWith { get; set; }

    /// <inheritdoc />
    public Task SendAsync(string moduleId, IEnumerable<int> memberIds, Notice notice, CancellationToken cancellationToken = default)
    {
        if (FailWith is not null) throw FailWith;
        _sent.Add(new SentNotice(moduleId, memberIds.Distinct().ToList(), notice));
        return Task.CompletedTask;
    }

    /// <summary>The notices member <paramref name="memberId"/> received.</summary>
    public IReadOnlyList<Notice> To(int memberId) => _sent.Where(s => s.MemberIds.Contains(memberId)).Select(s => s.Notice).ToList();
}
