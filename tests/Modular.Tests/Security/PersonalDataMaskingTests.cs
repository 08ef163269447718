using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Security;

/// <summary>
/// The 8 digits an ID number's mask hides are the birth date: without the full-view right nothing shown (pages,
/// exports, audit lines) gives the date, so no masked number can be rebuilt.
/// </summary>
public sealed class PersonalDataMaskingTests : IClassFixture<PersonalDataMaskingTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life");

    private readonly Portal _portal;
    public PersonalDataMaskingTests(Portal portal) => _portal = portal;

    private sealed record Person(int Id, string Name, DateOnly Birth, string? IdNumber);

    private async Task<List<Person>> PeopleAsync()
    {
        using var _ = AgencyScope.Use(await _portal.DemoAgencyIdAsync());
        await using var scope = _portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var rows = await db.Members.AsNoTracking().Where(m => m.BirthDate != null).ToListAsync();
        return rows.Select(m => new Person(m.Id, m.Name, m.BirthDate!.Value, protector.Unprotect(m.IdNumberProtected))).ToList();
    }

    /// <summary>Every way a birth date could be written out: the date, and the 8 digits as they stand in the ID number.</summary>
    private static string[] Forms(DateOnly d) => [d.ToString("yyyy-MM-dd"), d.ToString("yyyyMMdd"), d.ToString("yyyy/M/d"), d.ToString("yyyy年M月d日")];

    private static void AssertHidden(string text, Person p, string where)
    {
        foreach (var form in Forms(p.Birth)) Assert.False(text.Contains(form), $"{where} shows {p.Name}'s date of birth ({form})");
        if (p.IdNumber is { } id) Assert.False(text.Contains(id), $"{where} shows {p.Name}'s full ID number");
    }

    [Fact]
    public async Task A_branch_secretary_sees_no_birth_date_nor_hidden_digits_on_pages_and_in_the_export()
    {
        var people = (await PeopleAsync()).ToDictionary(p => p.Id);
        var secretary = await _portal.SignedInAsync("secretary");

        // Every member the secretary may open, from the roster's pages.
        var seen = new HashSet<int>();
        for (var page = 1; page < 50; page++)
        {
            var list = await secretary.GetStringAsync($"/Directory/Members?p={page}");
            var ids = Regex.Matches(list, "/Directory/Members/Details/(\\d+)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
            if (ids.Count(seen.Add) == 0) break;
            foreach (var p in people.Values) if (ids.Contains(p.Id)) AssertHidden(list, p, "the roster");
        }
        Assert.True(seen.Count > 3, "the secretary should see their branch");
        foreach (var id in seen)
        {
            if (!people.TryGetValue(id, out var p)) continue;
            var details = await secretary.GetStringAsync($"/Directory/Members/Details/{id}");
            Assert.Contains("data-testid=\"birth-date\">—<", details);
            AssertHidden(details, p, "the member's page");
            AssertHidden(await secretary.GetStringAsync($"/Directory/Members/Edit?id={id}"), p, "the edit form");
        }

        // The export without full numbers: the birth date column is empty and no cell of a row gives the date away.
        var export = await secretary.GetAsync("/Directory/Members/Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(seen.Count, rows.Count);
        var byName = people.Values.Where(p => seen.Contains(p.Id)).GroupBy(p => p.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        foreach (var row in rows)
        {
            Assert.Equal("—", row["出生日期"]?.ToString());
            if (byName.TryGetValue(row["姓名"]!.ToString()!, out var p))
                AssertHidden(string.Join("|", row.Values.Select(v => v is DateTime dt ? dt.ToString("yyyy-MM-dd") : v?.ToString())), p, "the export");
        }
        // Full numbers and dates are not theirs to ask for.
        Assert.Contains("/Account/AccessDenied", (await secretary.GetAsync("/Directory/Members/Export?full=true")).Headers.Location?.ToString() ?? "");
    }

    [Fact]
    public async Task The_edit_form_does_not_answer_guesses_at_a_birth_date_on_file()
    {
        var secretary = await _portal.SignedInAsync("secretary");
        var list = await secretary.GetStringAsync("/Directory/Members");
        var id = int.Parse(Regex.Match(list, "/Directory/Members/Details/(\\d+)").Groups[1].Value);
        var person = (await PeopleAsync()).Single(p => p.Id == id);
        Assert.NotNull(person.IdNumber);
        var form = await secretary.GetStringAsync($"/Directory/Members/Edit?id={id}");
        string Field(string name) => WebUtility.HtmlDecode(Regex.Match(form, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        var org = Regex.Match(form, "<option selected=\"selected\" value=\"(\\d+)\"").Groups[1].Value;
        async Task<string> TryAsync(DateOnly birth) => await (await secretary.PostFormAsync($"/Directory/Members/Edit?id={id}", new Dictionary<string, string>
        {
            ["Input.Name"] = Field("Input.Name"), ["Input.OrganizationId"] = org, ["Input.Stage"] = "FullMember", ["Input.Gender"] = "Male",
            ["Input.Version"] = Field("Input.Version"), ["Input.BirthDate"] = birth.ToString("yyyy-MM-dd"),
        })).Content.ReadAsStringAsync();
        // The right date and a wrong one get the same answer.
        var right = await TryAsync(person.Birth);
        var wrong = await TryAsync(person.Birth.AddDays(1));
        Assert.Contains("出生日期按已登记的身份号码确定", right);
        Assert.Contains("出生日期按已登记的身份号码确定", wrong);
        Assert.DoesNotContain("出生日期与身份号码中的不一致", right + wrong);
    }

    [Fact]
    public async Task The_office_sees_the_birth_date_in_the_audited_full_view_and_audit_lines_carry_none()
    {
        var branch = await _portal.WithDbAsync(async _ =>
        {
            using var __ = AgencyScope.Use(await _portal.DemoAgencyIdAsync());
            await using var scope = _portal.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Organizations.Where(o => o.Name == "第二党支部").Select(o => o.Id).SingleAsync();
        });
        var office = await _portal.SignedInAsync("office");
        // A new member with an ID number (born 1949-12-31) and one with only a date of birth.
        var created = await office.PostFormAsync("/Directory/Members/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "审计出生甲", ["Input.OrganizationId"] = branch.ToString(), ["Input.IdNumber"] = "11010519491231002X",
            ["Input.Stage"] = "FullMember", ["Input.Gender"] = "Male",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(Regex.Match(created.Headers.Location!.ToString(), "(\\d+)$").Groups[1].Value);
        var second = await office.PostFormAsync("/Directory/Members/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "审计出生乙", ["Input.OrganizationId"] = branch.ToString(), ["Input.BirthDate"] = "1979-03-15",
            ["Input.Stage"] = "FullMember", ["Input.Gender"] = "Female",
        });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var secondId = int.Parse(Regex.Match(second.Headers.Location!.ToString(), "(\\d+)$").Groups[1].Value);
        // Its date changes (no ID number on file): old and new date both stay out of the audit line.
        var form = await office.GetStringAsync($"/Directory/Members/Edit?id={secondId}");
        Assert.DoesNotContain("1979-03-15", form);
        var changed = await office.PostFormAsync($"/Directory/Members/Edit?id={secondId}", new Dictionary<string, string>
        {
            ["Input.Name"] = "审计出生乙", ["Input.OrganizationId"] = branch.ToString(), ["Input.BirthDate"] = "1980-04-16",
            ["Input.Stage"] = "FullMember", ["Input.Gender"] = "Female",
            ["Input.Version"] = Regex.Match(form, "name=\"Input.Version\"[^>]*value=\"(\\d+)\"").Groups[1].Value,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var lines = await _portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Target == $"Directory.Member#{id}" || e.Target == $"Directory.Member#{secondId}").ToListAsync());
        Assert.Equal(3, lines.Count(e => e.Action is "create" or "update"));
        foreach (var line in lines)
        {
            foreach (var date in new[] { "1949-12-31", "19491231", "1979-03-15", "1980-04-16", "1949", "1979", "1980" })
                Assert.DoesNotContain(date, line.Details ?? "");
        }
        Assert.Contains(lines, e => e.Details!.Contains("\"BirthDate\":[\"****-**-**\",\"****-**-**\"]"));
        var auditor = await _portal.SignedInAsync("auditor");
        var csv = await (await auditor.GetAsync("/Audit?handler=Export")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("1949-12-31", csv);
        Assert.DoesNotContain("1979-03-15", csv);

        // Masked on the page; the office's full view shows it, and that view is audited.
        var page = await office.GetStringAsync($"/Directory/Members/Details/{id}");
        Assert.Contains("data-testid=\"birth-date\">—<", page);
        Assert.DoesNotContain("1949-12-31", page);
        var full = await (await office.PostFormAsync($"/Directory/Members/Details/{id}", new Dictionary<string, string>(), $"/Directory/Members/Details/{id}?handler=Full")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"birth-date\">1949-12-31<", full);
        Assert.Contains(await _portal.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "member.view-personal-data" && e.Target == $"Directory.Member#{id}").ToListAsync()),
            e => e.UserName == "office" && e.Details!.Contains("date of birth"));
        var fullExport = await office.GetAsync("/Directory/Members/Export?q=审计出生甲&full=true");
        var row = MiniExcelLibs.MiniExcel.Query(await fullExport.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal("1949-12-31", row["出生日期"]?.ToString());
        var masked = await office.GetAsync("/Directory/Members/Export?q=审计出生甲");
        Assert.Equal("—", MiniExcelLibs.MiniExcel.Query(await masked.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object?>>().Single()["出生日期"]?.ToString());
    }
}
