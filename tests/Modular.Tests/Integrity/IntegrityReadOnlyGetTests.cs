using System.Net;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Integrity;

/// <summary>GETs read only: a fresh agency's dashboard and festival pages show the default calendar without storing it.</summary>
public sealed class IntegrityReadOnlyGetTests : IClassFixture<IntegrityReadOnlyGetTests.Portal>
{
    public sealed class Portal : PortalFactory
    {
        public Portal() : base("integrity") => Settings["Modular:JobSeconds"] = "0";
    }

    private readonly Portal _portal;
    public IntegrityReadOnlyGetTests(Portal portal) => _portal = portal;

    private async Task<Dictionary<string, int>> ModuleRowsAsync()
    {
        var rows = await _portal.IntegrityRowsAsync();
        Assert.Contains("int_festival", rows.Keys);
        return rows;
    }

    [Fact]
    public async Task A_fresh_agency_s_dashboard_and_festival_pages_write_nothing_and_saving_a_festival_stores_its_year()
    {
        var agency = await _portal.CreateAgencyAsync("GETRO", "getro", $"{Roles.AgencyAdmin},{Roles.Member}", "integrity");
        var office = await _portal.SignedInAsync("getro");
        var before = await ModuleRowsAsync();

        var dashboard = await office.GetStringAsync("/");
        Assert.Matches("节日廉洁提醒：(元旦|春节|清明节|劳动节|端午节|中秋节|国庆节)（提前 \\d+ 天）", dashboard);
        Assert.Contains("天向全体党员发送提醒", await office.GetStringAsync("/m/integrity"));
        var festivals = await office.GetStringAsync("/m/integrity/Festivals?year=2027");
        Assert.Contains("2027年2月6日", festivals); // the default Spring Festival date, computed
        Assert.Contains("name=\"Input.Version\" value=\"0\"", festivals);
        await office.GetStringAsync("/m/integrity/Festivals");
        await office.GetStringAsync("/m/integrity/Festivals?year=2028");
        Assert.Equal(before, await ModuleRowsAsync());

        // Saving one festival of a year on its defaults stores the year's calendar with that change.
        var saved = await office.PostFormAsync("/m/integrity/Festivals?year=2027", new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-02-06", ["Input.DaysBefore"] = "7", ["Input.Text"] = "春节期间严守中央八项规定精神。", ["Input.Enabled"] = "true", ["Input.Version"] = "0",
        }, "/m/integrity/Festivals?year=2027&festival=SpringFestival&handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var festivalCount = Enum.GetValues<Modular.Modules.Integrity.Domain.Festival>().Length;
        Assert.Equal(festivalCount, await _portal.StoredFestivalCountAsync(agency, 2027));
        Assert.Equal(7, await _portal.FestivalDaysBeforeAsync(agency, 2027, Modular.Modules.Integrity.Domain.Festival.SpringFestival));
        Assert.Equal(0, await _portal.StoredFestivalCountAsync(agency, 2027, otherYears: true));
        // A second form still showing the defaults (Version 0) for another festival saves too; the same one again is a conflict.
        saved = await office.PostFormAsync("/m/integrity/Festivals?year=2027", new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-10-01", ["Input.DaysBefore"] = "5", ["Input.Text"] = "国庆期间廉洁过节。", ["Input.Enabled"] = "true", ["Input.Version"] = "0",
        }, "/m/integrity/Festivals?year=2027&festival=NationalDay&handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("已保存", await office.GetStringAsync(saved.Headers.Location!.ToString()));
        saved = await office.PostFormAsync("/m/integrity/Festivals?year=2027", new Dictionary<string, string>
        {
            ["Input.Date"] = "2027-02-05", ["Input.DaysBefore"] = "3", ["Input.Text"] = "覆盖", ["Input.Enabled"] = "true", ["Input.Version"] = "0",
        }, "/m/integrity/Festivals?year=2027&festival=SpringFestival&handler=Save");
        Assert.Contains("其他人修改", await office.GetStringAsync(saved.Headers.Location!.ToString()));
        Assert.Equal(7, await _portal.FestivalDaysBeforeAsync(agency, 2027, Modular.Modules.Integrity.Domain.Festival.SpringFestival));
    }
}
