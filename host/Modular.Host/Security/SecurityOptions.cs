namespace Modular.Host.Security;

/// <summary>The "Security" configuration section: the numbers of the security baseline, tunable per installation.</summary>
public sealed class SecurityOptions
{
    public int PasswordMinLength { get; set; } = 8;
    /// <summary>A password older than this must be changed at the next sign-in (1 to 90 days).</summary>
    public int PasswordMaxAgeDays { get; set; } = 90;
    /// <summary>How many previous passwords may not be used again (at least 5).</summary>
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
    /// <summary>Audit lines are kept this many calendar months before pruning; never less than 6.</summary>
    public int AuditRetentionMonths { get; set; } = 6;
    /// <summary>The same in days, when set (older configurations); still never less than 6 calendar months back.</summary>
    public int? AuditRetentionDays { get; set; }

    /// <summary>Lines older than this may be pruned: the configured period, but at least 6 calendar months before <paramref name="utcNow"/>.</summary>
    public DateTime AuditRetentionCutoff(DateTime utcNow)
    {
        var asked = AuditRetentionDays is { } days ? utcNow.AddDays(-Math.Clamp(days, 0, 36_500)) : utcNow.AddMonths(-Math.Clamp(AuditRetentionMonths, 0, 1_200));
        var baseline = utcNow.AddMonths(-6);
        return asked < baseline ? asked : baseline;
    }

    /// <summary>The configuration asks for less than the baseline at <paramref name="utcNow"/> (and is clamped to it): warned at start.</summary>
    public bool AuditRetentionBelowBaseline(DateTime utcNow) => AuditRetentionDays is { } d ? utcNow.AddDays(-Math.Clamp(d, 0, 36_500)) > utcNow.AddMonths(-6) : AuditRetentionMonths < 6;
    public int EffectiveIdleTimeoutMinutes => Math.Clamp(IdleTimeoutMinutes, 1, 30);

    /// <summary>
    /// Raises every setting weaker than the security baseline (等保 level 3, DOMAIN.md) to the baseline: passwords of
    /// at least 8 characters that expire within 90 days, the last 5 not reused, a lock of at least 30 minutes after at
    /// most 5 failures, idle sign-out within 30 minutes. Stricter settings stay. Returns one warning per raised
    /// setting, to be logged at start.
    /// </summary>
    public IReadOnlyList<string> ApplyBaseline()
    {
        var warnings = new List<string>();
        int Raise(string name, int value, int baseline, bool weaker)
        {
            if (!weaker) return value;
            warnings.Add($"Security:{name}={value} is weaker than the security baseline; {baseline} is used instead.");
            return baseline;
        }
        PasswordMinLength = Raise(nameof(PasswordMinLength), PasswordMinLength, 8, PasswordMinLength < 8);
        // 0 used to mean "never expires": the baseline asks for a change every 90 days at most.
        PasswordMaxAgeDays = Raise(nameof(PasswordMaxAgeDays), PasswordMaxAgeDays, 90, PasswordMaxAgeDays is <= 0 or > 90);
        PasswordHistory = Raise(nameof(PasswordHistory), PasswordHistory, 5, PasswordHistory < 5);
        MaxFailedSignIns = Raise(nameof(MaxFailedSignIns), MaxFailedSignIns, 5, MaxFailedSignIns is <= 0 or > 5);
        LockoutMinutes = Raise(nameof(LockoutMinutes), LockoutMinutes, 30, LockoutMinutes < 30);
        IdleTimeoutMinutes = Raise(nameof(IdleTimeoutMinutes), IdleTimeoutMinutes, 30, IdleTimeoutMinutes is <= 0 or > 30);
        return warnings;
    }
}

/// <summary>What <see cref="SecurityOptions.ApplyBaseline"/> raised, logged once the host can log.</summary>
public sealed record SecurityBaselineWarnings(IReadOnlyList<string> Warnings);
