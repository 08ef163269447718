using Microsoft.Extensions.Localization;
using Modular.Host.Operations;
using Modular.Sdk;

namespace Modular.Host.Backups;

/// <summary>The status page's "last backup": the newest line of the backup folder's index, and the schedule.</summary>
public sealed class BackupStatusSection(BackupService backups, BackupHistory history, IStringLocalizerFactory localizers, IAgencyClock clock) : IStatusSection
{
    public string Key => IStatusSection.BackupKey;
    public int Order => 0;

    public async Task<StatusSectionContent> GetAsync(CancellationToken ct)
    {
        var T = localizers.Create(typeof(BackupStatusSection));
        if (!backups.Supported)
            return new(T["Last backup"], StatusLevel.Neutral, T["PostgreSQL: back up with pg_dump (see the operations guide)."], []);
        var schedule = backups.Options.DailyAt is { } at ? T["Daily at {0}, keeping {1}", at.ToString("HH:mm"), backups.Options.Keep].Value : T["Off"].Value;
        var last = await history.LastAsync(ct);
        if (last is null)
            return new(T["Last backup"], StatusLevel.Warning, T["No backup yet"], [new(T["Schedule"], schedule)], "/Platform/Backups");
        return new(T["Last backup"], last.Success ? StatusLevel.Good : StatusLevel.Danger, last.Success ? T["Succeeded"] : T["Failed"],
        [
            new(T["Time"], clock.ToLocal(last.StartedAt).ToString("yyyy-MM-dd HH:mm")),
            last.Success ? new(T["Size"], Pages.Platform.StatusModel.Size(last.Size)) : new(T["Reason"], last.Error ?? "", StatusLevel.Danger),
            new(T["Schedule"], schedule),
        ], "/Platform/Backups");
    }
}
