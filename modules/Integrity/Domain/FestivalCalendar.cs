using System.Globalization;

namespace Modular.Modules.Integrity.Domain;

/// <summary>
/// Default dates of the key festivals for a year. The lunar ones come from .NET's Chinese lunisolar calendar
/// (leap months counted), Qingming from the solar-term formula for 2001–2099; agencies adjust them on the calendar page.
/// </summary>
public static class FestivalCalendar
{
    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static DateOnly DefaultDate(Festival festival, int year) => festival switch
    {
        Festival.NewYear => new DateOnly(year, 1, 1),
        Festival.SpringFestival => FromLunar(year, 1, 1),
        Festival.Qingming => Qingming(year),
        Festival.MayDay => new DateOnly(year, 5, 1),
        Festival.DragonBoat => FromLunar(year, 5, 5),
        Festival.MidAutumn => FromLunar(year, 8, 15),
        _ => new DateOnly(year, 10, 1),
    };

    /// <summary>True for years the defaults are known for (the lunar calendar's range, the formula's century).</summary>
    public static bool Supports(int year) => year is >= 2001 and <= 2099;

    private static DateOnly FromLunar(int year, int month, int day)
    {
        // A leap month at or before the wanted month shifts the month index by one.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static DateOnly Qingming(int year)
    {
        var y = year % 100;
        var day = (int)Math.Floor(y * 0.2422 + 4.81) - y / 4;
        return new DateOnly(year, 4, day);
    }

    public const string DefaultText =
        "节日将至，请严格遵守中央八项规定及其实施细则精神：不违规收送礼品礼金、不违规公款吃喝、不公车私用、不违规操办婚丧喜庆事宜，过一个风清气正的节日。";
}
