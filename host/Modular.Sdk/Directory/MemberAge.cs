namespace Modular.Sdk;

/// <summary>Age in whole years, as the rules of membership count it (one way for the directory and every module). Since 1.4.0.</summary>
public static class MemberAge
{
    /// <summary>
    /// Completed years from <paramref name="birthDate"/> to <paramref name="date"/>: a birthday counts from its own day
    /// (18 on the 18th birthday, 17 the day before); someone born on 29 February has their birthday on 28 February in
    /// other years. Negative dates before the birth give 0.
    /// </summary>
    /// <param name="birthDate">The date of birth.</param>
    /// <param name="date">The day the age is wanted for.</param>
    public static int On(DateOnly birthDate, DateOnly date)
    {
        if (date <= birthDate) return 0;
        var years = date.Year - birthDate.Year;
        // AddYears gives 28 February for a 29 February birth in a common year.
        if (birthDate.AddYears(years) > date) years--;
        return Math.Max(0, years);
    }
}
