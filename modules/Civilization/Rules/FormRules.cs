namespace Modular.Modules.Civilization.Rules;

/// <summary>Checks the module's forms share.</summary>
public static class FormRules
{
    /// <summary>Years and dates are of 2000 to 2100: a typo such as 20026 is refused, not stored.</summary>
    public static bool IsYear(int? year) => year is >= 2000 and <= 2100;
}
