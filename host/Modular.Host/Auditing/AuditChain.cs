using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Modular.Host.Auditing;

/// <summary>The hash that links an audit line to the one before it.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// With a key (Security:AuditChainKey, kept outside the database), links are HMAC-SHA256: someone who can
    /// write to the database cannot forge a consistent chain. Without one, plain SHA-256.
    /// </summary>
    public static byte[]? Key { get; set; }

    public static string Compute(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.PreviousHash,
            e.Time.Ticks.ToString(CultureInfo.InvariantCulture),
            e.UserId ?? "", e.UserName ?? "",
            e.AgencyId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.Action, e.Target, e.Details ?? "",
            e.Success ? "1" : "0",
            e.Address ?? "");
        var bytes = Encoding.UTF8.GetBytes(canonical);
        return Convert.ToHexStringLower(Key is { Length: > 0 } key ? HMACSHA256.HashData(key, bytes) : SHA256.HashData(bytes));
    }
}
