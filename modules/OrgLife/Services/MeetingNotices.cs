namespace Modular.Modules.OrgLife.Services;

/// <summary>Tells the expected attendees when a meeting is planned or cancelled (the portal's 消息).</summary>
public sealed class MeetingNotices(INotifications notifications, IStringLocalizer<OrgLifeModule> text)
{
    public Task PlannedAsync(Meeting m, string? url, CancellationToken ct) =>
        notifications.SendAsync(OrgLifeModule.Id, m.Attendees.Select(a => a.MemberId),
            new Notice(text["Meeting notice: {0}", m.Type.Label()], text["Date: {0}; place: {1}; topic: {2}", When(m), m.Place, m.Topic], url), ct);

    public Task CancelledAsync(Meeting m, string? url, CancellationToken ct) =>
        notifications.SendAsync(OrgLifeModule.Id, m.Attendees.Select(a => a.MemberId),
            new Notice(text["Meeting cancelled: {0} on {1}", m.Type.Label(), When(m)], text["Reason: {0}", m.CancelReason ?? ""], url), ct);

    private static string When(Meeting m) => m.StartTime is { } t ? $"{m.Date:yyyy-MM-dd} {t:HH:mm}" : m.Date.ToString("yyyy-MM-dd");
}
