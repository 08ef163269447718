using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Modular.Host.Auditing;

/// <summary>The hash that links an audit line to the one before it.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
