namespace Modular.Tests.Integrity;

public sealed class FestivalCalendarTests
{
    [Theory]
    [InlineData(2026, "SpringFestival", "2026-02-17")]
    [InlineData(2026, "Qingming", "2026-04-05")]
    [InlineData(2026, "DragonBoat", "2026-06-19")]
    [InlineData(2026, "MidAutumn", "2026-09-25")]
    [InlineData(2027, "SpringFestival", "2027-02-06")]
    [InlineData(2027, "Qingming", "2027-04-05")]
    [InlineData(2027, "DragonBoat", "2027-06-09")]
    [InlineData(2027, "MidAutumn", "2027-09-15")]
    [InlineData(2025, "MidAutumn", "2025-10-06")] // a year with a leap sixth month
    [InlineData(2028, "Qingming", "2028-04-04")]
    [InlineData(2027, "NewYear", "2027-01-01")]
    [InlineData(2027, "MayDay", "2027-05-01")]
    [InlineData(2027, "NationalDay", "2027-10-01")]
    public void Default_dates_of_the_key_festivals(int year, string festival, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Modular.Modules.Integrity.Domain.FestivalCalendar.DefaultDate(Enum.Parse<Modular.Modules.Integrity.Domain.Festival>(festival), year));
}
