using Microsoft.EntityFrameworkCore;
using Modular.Host.Auditing;
using Modular.Host.Data;
using Modular.Plugins.Packages;
using Modular.Sdk;

namespace Modular.Host.Plugins.Packages;

/// <summary>
/// The security administrator's list of trusted plugin publishers (three separate administrators: the system
/// administrator uploads packages, the security administrator decides whose signature counts). Every change is audited
/// as its own event (<c>plugin.publisher.added</c>, <c>plugin.publisher.removed</c>). Keys from the <c>Plugins:Publishers</c>
/// setting are shown beside them, read-only.
/// </summary>
public sealed class PublisherAllowList(HostDbContext db, PluginTrustSource trustSource, AuditWriter audit, ICurrentUser user, IHttpContextAccessor http, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public sealed record Row(int? Id, string Name, string KeyId, bool FromSettings, string? AddedBy, DateTime? AddedAt);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken ct = default)
    {
        var trust = await trustSource.CurrentAsync(ct);
        var rows = await db.PluginPublishers.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(ct);
        return [.. trust.Publishers.Where(p => p.FromSettings).Select(p => new Row(null, p.Name, p.KeyId, true, null, null)),
            .. rows.Select(r => new Row(r.Id, r.Name, r.KeyId, false, r.AddedBy, r.AddedAt))];
    }

    /// <summary>Adds a publisher; the problems by field (Name, PublicKey) in Chinese when refused, nothing saved then.</summary>
    public async Task<Dictionary<string, string>> AddAsync(string? name, string? publicKey, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        name = name?.Trim() ?? "";
        if (name.Length == 0) errors["Name"] = "请填写发布者名称。";
        else if (name.Length > MaxNameLength) errors["Name"] = $"发布者名称不能超过 {MaxNameLength} 个字。";
        else if (name.Any(char.IsControl)) errors["Name"] = "发布者名称含有控制字符。";
        if (!PublisherKeys.TryParse(publicKey, out var key, out var problem)) errors["PublicKey"] = problem!;
        else if ((await trustSource.CurrentAsync(ct)).Find(key) is { } known)
            errors["PublicKey"] = $"该公钥已在允许的发布者名单中（名为“{known.Name}”，密钥 {known.KeyId}）。";
        if (errors.Count > 0) return errors;
        var row = new PluginPublisher
        {
            Name = name,
            PublicKey = Convert.ToBase64String(key),
            KeyId = PackageFormat.KeyId(key),
            AddedBy = user.UserName,
            AddedAt = time.GetUtcNow().UtcDateTime,
        };
        db.PluginPublishers.Add(row);
        await db.SaveChangesAsync(ct);
        await AuditAsync("plugin.publisher.added", row, ct);
        return errors;
    }

    /// <summary>Removes a publisher of the list (not one of the settings); false when there is none with that id.</summary>
    public async Task<bool> RemoveAsync(int id, CancellationToken ct = default)
    {
        var row = await db.PluginPublishers.FindAsync([id], ct);
        if (row is null) return false;
        db.PluginPublishers.Remove(row);
        await db.SaveChangesAsync(ct);
        await AuditAsync("plugin.publisher.removed", row, ct);
        return true;
    }

    private Task AuditAsync(string action, PluginPublisher row, CancellationToken ct) =>
        audit.AppendAsync([new AuditRecord(action, "Publisher:" + row.KeyId, $"{row.Name}（密钥 {row.KeyId}）", true, user.Id, user.UserName, null,
            http.HttpContext?.Connection.RemoteIpAddress?.ToString())], ct);
}
