using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Modular.Host.Auditing;

/// <summary>The hash that links an audit line to the one before it, and the seal of the chain's head.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// HMAC-SHA256 with the chain's key, so that someone who can write to the database cannot forge a consistent
    /// chain; plain SHA-256 without one (lines written before the key existed).
    /// </summary>
    public static string Compute(AuditEntry e, byte[]? key)
    {
        var canonical = string.Join('\u001f',
            e.PreviousHash,
            e.Time.Ticks.ToString(CultureInfo.InvariantCulture),
            e.UserId ?? "", e.UserName ?? "",
            e.AgencyId?.ToString(CultureInfo.InvariantCulture) ?? "",
            e.Action, e.Target, e.Details ?? "",
            e.Success ? "1" : "0",
            e.Address ?? "");
        return Mac(key, canonical);
    }

    /// <summary>The seal of a checkpoint: which line ends the chain, how many lines it holds, and that line's hash.</summary>
    public static string Seal(AuditCheckpoint c, byte[]? key) =>
        Mac(key, string.Join('\u001f', "checkpoint", c.LastEntryId.ToString(CultureInfo.InvariantCulture),
            c.Count.ToString(CultureInfo.InvariantCulture), c.LastHash));

    private static string Mac(byte[]? key, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToHexStringLower(key is { Length: > 0 } ? HMACSHA256.HashData(key, bytes) : SHA256.HashData(bytes));
    }
}
