namespace Modular.Modules.Integrity.Rules;

/// <summary>The yearly warning-education target as it stands part way through the year.</summary>
public static class WarningTargetRules
{
    /// <summary>The sessions due by the end of <paramref name="month"/>: the target pro rata, rounded up (a target of 2 asks one by June).</summary>
    public static int Expected(int target, int month) => (int)Math.Ceiling(target * month / 12m);
}
