namespace Modular.Host.Oidc;

/// <summary>The "Oidc" configuration section.</summary>
public sealed class OidcSettings
{
    /// <summary>Refuse plain HTTP (OpenIddict's default). Turn off only in development and tests, or behind a TLS proxy with forwarded headers.</summary>
    public bool RequireHttps { get; set; } = true;
    public CertificateSetting? SigningCertificate { get; set; }
    public CertificateSetting? EncryptionCertificate { get; set; }
    /// <summary>How long a generated key signs (or encrypts) before its successor takes over.</summary>
    public int KeyLifetimeDays { get; set; } = 365;
    /// <summary>A successor is published this many days before it starts signing.</summary>
    public int KeyPublishAheadDays { get; set; } = 14;
    /// <summary>How often each instance reads the key ring again (and creates a successor when one is due).</summary>
    public int KeyRefreshHours { get; set; } = 6;
    public int AccessTokenMinutes { get; set; } = 30;
    public int RefreshTokenDays { get; set; } = 14;
}

public sealed class CertificateSetting
{
    public string Path { get; set; } = "";
    public string? Password { get; set; }
}
