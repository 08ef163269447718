namespace Modular.Host.Security;

/// <summary>The "Security" configuration section: the numbers of the security baseline, tunable per installation.</summary>
public sealed class SecurityOptions
{
    public int PasswordMinLength { get; set; } = 8;
    /// <summary>A password older than this must be changed at the next sign-in (0 = never expires).</summary>
    public int PasswordMaxAgeDays { get; set; } = 90;
    /// <summary>How many previous passwords may not be used again.</summary>
    public int PasswordHistory { get; set; } = 5;
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 30;
    /// <summary>Idle sign-out; the baseline allows at most 30 minutes.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>How often an open session is checked against the account (removed from an agency, roles changed, agency suspended).</summary>
    public int SessionCheckSeconds { get; set; } = 60;
    /// <summary>Sign-in attempts (posts) per client address per minute.</summary>
    public int SignInPermitsPerMinute { get; set; } = 30;
    /// <summary>Token, introspection and revocation requests per client address per minute.</summary>
    public int TokenPermitsPerMinute { get; set; } = 120;
    /// <summary>Audit lines are kept at least this long before pruning; never less than 180 days.</summary>
    public int AuditRetentionDays { get; set; } = 180;

    public int EffectiveAuditRetentionDays => Math.Max(180, AuditRetentionDays);
    public int EffectiveIdleTimeoutMinutes => Math.Clamp(IdleTimeoutMinutes, 1, 30);
}
