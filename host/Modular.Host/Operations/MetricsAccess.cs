using System.Security.Cryptography;
using System.Text;

namespace Modular.Host.Operations;

/// <summary>
/// Who may read the scrape endpoint: an address of the platform's networks, or anyone presenting the token. Everyone
/// else is answered as if the path did not exist.
/// </summary>
public sealed class MetricsAccess(TelemetryOptions options)
{
    private readonly byte[]? _tokenHash = options.Token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(options.Token));

    public bool Allows(HttpContext http)
    {
        // After forwarded headers: behind a known proxy this is the scraper's address, not the proxy's.
        var remote = http.Connection.RemoteIpAddress;
        if (remote is not null)
        {
            if (remote.IsIPv4MappedToIPv6) remote = remote.MapToIPv4();
            foreach (var network in options.AllowedNetworks)
                if (network.Contains(remote)) return true;
        }
        return _tokenHash is not null && TokenMatches(http.Request.Headers.Authorization.ToString());
    }

    private bool TokenMatches(string authorization)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        // Hashes of equal length, compared in constant time: neither the token's length nor its prefix leaks by timing.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _tokenHash);
    }
}
