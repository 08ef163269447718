using Modular.Sdk;

namespace Modular.Plugins.Packages;

/// <summary>
/// The security administrator's list of trusted plugin publishers (three separate administrators: the system
/// administrator uploads packages, the security administrator decides whose signature counts). Every change is audited
/// as its own event (<c>plugin.publisher.added</c>, <c>plugin.publisher.removed</c>). Keys from the <c>Plugins:Publishers</c>
/// setting are shown beside them, read-only.
/// </summary>
public sealed class PublisherAllowList(IPublisherStore store, PluginTrustSource trustSource, IPluginAudit audit, ICurrentUser user, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public sealed record Row(int? Id, string Name, string KeyId, bool FromSettings, string? AddedBy, DateTime? AddedAt);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken ct = default)
    {
        var trust = await trustSource.CurrentAsync(ct);
        var rows = await store.ListAsync(ct);
        return [.. trust.Publishers.Where(p => p.FromSettings).Select(p => new Row(null, p.Name, p.KeyId, true, null, null)),
            .. rows.Select(r => new Row(r.Id, r.Name, PackageFormat.KeyId(Convert.FromBase64String(r.PublicKey)), false, r.AddedBy, r.AddedAt))];
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
        var row = await store.AddAsync(new PublisherKey
        {
            Name = name,
            PublicKey = Convert.ToBase64String(key),
            AddedBy = user.UserName,
            AddedAt = time.GetUtcNow().UtcDateTime,
        }, ct);
        await AuditAsync("plugin.publisher.added", row, ct);
        return errors;
    }

    /// <summary>Removes a publisher of the list (not one of the settings); false when there is none with that id.</summary>
    public async Task<bool> RemoveAsync(int id, CancellationToken ct = default)
    {
        var row = await store.RemoveAsync(id, ct);
        if (row is null) return false;
        await AuditAsync("plugin.publisher.removed", row, ct);
        return true;
    }

    private Task AuditAsync(string action, PublisherKey row, CancellationToken ct)
    {
        var keyId = PackageFormat.KeyId(Convert.FromBase64String(row.PublicKey));
        return audit.AppendAsync([new PluginAuditEvent(action, "Publisher:" + keyId, $"{row.Name}（密钥 {keyId}）", true)], ct);
    }
}
