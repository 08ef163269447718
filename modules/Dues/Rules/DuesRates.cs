using Modular.Modules.Dues.Domain;

namespace Modular.Modules.Dues.Rules;

/// <summary>
/// The rate and monthly amount of a base (DOMAIN.md, membership dues). Employed, on after-tax fixed pay: up to 3000 yuan
/// 0.5 %; above 3000 up to 5000 (5000 included) 1 %; above 5000 up to 10000 (10000 included) 1.5 %; above 10000 2 %.
/// Retired, on the pension: up to 5000 (included) 0.5 %, above 5000 1 %. Students, the unemployed and people on relief pay
/// 0.2 yuan whatever their income. Each boundary belongs to the lower band ("3000 元以下（含3000元）").
/// Rounding: the amount is rounded to the fen (0.01 yuan), half away from zero (四舍五入): 3001 × 1 % = 30.01,
/// 3333.5 × 1 % = 33.335 → 33.34.
/// </summary>
public static class DuesRates
{
    /// <summary>The flat monthly amount of students, the unemployed and people on relief.</summary>
    public const decimal FlatAmount = 0.20m;
    /// <summary>The largest base accepted (a typo such as 1000000 is refused).</summary>
    public const decimal MaxBase = 500000m;

    /// <summary>Whether the category pays by a base (employed, retired) rather than the flat 0.2 yuan.</summary>
    public static bool HasBase(DuesCategory category) => category is DuesCategory.Employed or DuesCategory.Retired;

    /// <summary>The rate as a fraction (0.005 = 0.5 %); 0 for the flat categories.</summary>
    public static decimal Rate(DuesCategory category, decimal monthlyBase) => category switch
    {
        DuesCategory.Employed => monthlyBase <= 3000m ? 0.005m : monthlyBase <= 5000m ? 0.01m : monthlyBase <= 10000m ? 0.015m : 0.02m,
        DuesCategory.Retired => monthlyBase <= 5000m ? 0.005m : 0.01m,
        _ => 0m,
    };

    /// <summary>The monthly amount in yuan, rounded to the fen; the flat 0.2 yuan for students, the unemployed and people on relief.</summary>
    public static decimal Monthly(DuesCategory category, decimal? monthlyBase) =>
        HasBase(category) ? Round((monthlyBase ?? 0m) * Rate(category, monthlyBase ?? 0m)) : FlatAmount;

    /// <summary>To the fen, half away from zero (四舍五入).</summary>
    public static decimal Round(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>The rate as people write it: "1.5%".</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##") + "%";
}
