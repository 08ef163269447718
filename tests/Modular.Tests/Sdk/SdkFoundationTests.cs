using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.PartyDirectory;
using Modular.Host.Tenancy;
using Modular.Sdk;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Sdk;

/// <summary>The SDK 1.2 helpers every module uses: the clock, links, the save with its concurrency check, page permissions.</summary>
public sealed class SdkFoundationTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void Today_is_the_agency_date_not_the_server_date()
    {
        // 17:30 UTC on New Year's Eve is already 01:30 on 1 January in Beijing.
        var clock = new AgencyClock(new FixedTime(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero)), AgencyClock.FindTimeZone(null));
        IAgencyClock c = clock;
        Assert.Equal(new DateOnly(2027, 1, 1), c.Today);
        Assert.Equal(new DateTime(2027, 1, 1, 1, 30, 0), c.LocalNow);
        Assert.Equal(TimeSpan.FromHours(8), c.Now.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero), c.UtcNow);
        Assert.Equal(TimeSpan.Zero, c.UtcNow.Offset);
        Assert.Equal(new DateOnly(2026, 12, 31), c.DateOf(new DateTimeOffset(2026, 12, 31, 15, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2027, 1, 1), c.DateOf(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Another_time_zone_gives_another_date()
    {
        IAgencyClock utc = new AgencyClock(new FixedTime(new DateTimeOffset(2026, 12, 31, 17, 30, 0, TimeSpan.Zero)), TimeZoneInfo.Utc);
        Assert.Equal(new DateOnly(2026, 12, 31), utc.Today);
        Assert.Throws<TimeZoneNotFoundException>(() => AgencyClock.FindTimeZone("Mars/Olympus"));
    }

    [Fact]
    public void The_portal_clock_follows_the_time_provider()
    {
        using var portal = new PortalFactory();
        var clock = portal.Services.GetRequiredService<IAgencyClock>();
        Assert.Equal("Asia/Shanghai", clock.TimeZone.Id);
        Assert.InRange(clock.UtcNow, portal.Clock.GetUtcNow().AddMinutes(-1), portal.Clock.GetUtcNow());
        portal.Clock.Set(new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(8)));
        Assert.Equal(new DateOnly(2027, 1, 1), clock.Today);
        Assert.Equal(new DateOnly(2027, 1, 1), portal.Today);
    }

    [Theory]
    [InlineData("/Index", null, "/m/org-life")]
    [InlineData("/Meetings/Index", null, "/m/org-life/Meetings")]
    [InlineData("/Meetings/Details", 5, "/m/org-life/Meetings/Details?id=5")]
    public void Links_name_the_module_pages(string page, int? id, string expected) =>
        Assert.Equal(expected, new ModuleLinks("org-life").Page(page, id is null ? null : new { id }));

    [Fact]
    public void Links_leave_out_empty_values_and_encode_the_rest()
    {
        var links = new ModuleLinks("volunteer");
        Assert.Equal("/m/volunteer/Activities?q=%E5%85%9A%E6%97%A5&p=2", links.Page("/Activities/Index", new { q = "党日", p = 2, org = (int?)null }));
        Assert.Equal("/m/volunteer/api/activities?from=2026-12-01", links.Api("/activities", new Dictionary<string, object?> { ["from"] = "2026-12-01" }));
        Assert.Equal("/m/volunteer", links.Home);
        Assert.Throws<ArgumentException>(() => links.Page("Activities"));
    }

    [Fact]
    public void A_breadcrumb_trail_is_kept_in_the_view_data()
    {
        var viewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary());
        viewData.Breadcrumbs().Add("廉政教育", "/m/integrity").Add("廉政谈话");
        Assert.Equal([new Breadcrumb("廉政教育", "/m/integrity"), new Breadcrumb("廉政谈话")], viewData.Breadcrumbs().Items);
        Assert.False(viewData.Breadcrumbs().StartsAtModule);
    }

    [Fact]
    public void SetTitle_sets_the_title_and_a_trail_that_the_layout_starts_at_the_module()
    {
        var viewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary());
        viewData.SetTitle("编辑检查", ("监督检查", "/m/integrity/Inspections"));
        Assert.Equal("编辑检查", viewData["Title"]);
        Assert.True(viewData.Breadcrumbs().StartsAtModule);
        Assert.Equal([new Breadcrumb("监督检查", "/m/integrity/Inspections"), new Breadcrumb("编辑检查")], viewData.Breadcrumbs().Items);
    }

    [Fact]
    public void Problems_go_next_to_their_fields_in_the_users_language()
    {
        var modelState = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        var text = new Texts(new() { ["Enter a name."] = "请填写名称。", ["At most {0} characters."] = "最多 {0} 个字。" });
        modelState.AddProblems([new Problem("Name", "Enter a name."), new Problem("Name", "At most {0} characters.", 50), new Problem("", "Unknown key.")], text, "Input.");
        Assert.Equal(["请填写名称。", "最多 50 个字。"], modelState["Input.Name"]!.Errors.Select(e => e.ErrorMessage));
        Assert.Equal("Unknown key.", Assert.Single(modelState["Input."]!.Errors).ErrorMessage);

        // One message per field: a field that has one already (from model binding) keeps it alone.
        var bound = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        bound.AddModelError("Input.Date", "请输入有效的日期。");
        bound.AddProblems([new Problem("Date", "Enter a name."), new Problem("Name", "Enter a name."), new Problem("Name", "At most {0} characters.", 50)], text, "Input.", firstPerField: true);
        Assert.Equal(["请输入有效的日期。"], bound["Input.Date"]!.Errors.Select(e => e.ErrorMessage));
        Assert.Equal(["请填写名称。"], bound["Input.Name"]!.Errors.Select(e => e.ErrorMessage));

        // A stale page: the portal's one message, whatever the module's resources say.
        var stale = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        stale.AddProblems([Problem.Stale()], text);
        Assert.Equal(PageOutcomes.ChangedByOthers.Current, Assert.Single(stale[""]!.Errors).ErrorMessage);
    }

    /// <summary>A module's resources as a localizer: the translation, or the key itself.</summary>
    private sealed class Texts(Dictionary<string, string> table) : Microsoft.Extensions.Localization.IStringLocalizer
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, table.GetValueOrDefault(name, name), !table.ContainsKey(name));
        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => new(name, string.Format(this[name].Value, arguments), !table.ContainsKey(name));
        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => table.Select(e => new Microsoft.Extensions.Localization.LocalizedString(e.Key, e.Value));
    }

    private sealed record Pages(int Page, int PageCount, int Total) : IPagedList;

    private static string Pager(IPagedList list, string query)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/m/volunteer";
        http.Request.QueryString = new QueryString(query);
        var view = new Microsoft.AspNetCore.Mvc.Rendering.ViewContext { HttpContext = http };
        var helper = new PagerTagHelper(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All)) { List = list, ViewContext = view };
        var output = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput("pager", [], (_, _) => Task.FromResult<Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContent>(new Microsoft.AspNetCore.Razor.TagHelpers.DefaultTagHelperContent()));
        helper.Process(new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext([], new Dictionary<object, object>(), "x"), output);
        return output.Content.GetContent();
    }

    [Fact]
    public void The_pager_keeps_the_filters_and_links_no_page_before_the_first_or_after_the_last()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        var first = Pager(new Pages(1, 3, 55), "?q=%E5%85%9A%E6%97%A5&org=2&p=1");
        Assert.Contains("href=\"/m/volunteer?q=%E5%85%9A%E6%97%A5&amp;org=2&amp;p=2\"", first);
        Assert.DoesNotContain("p=0", first);
        Assert.Contains("aria-disabled=\"true\">上一页", first);
        var last = Pager(new Pages(3, 3, 55), "?org=2&p=3");
        Assert.Contains("href=\"/m/volunteer?org=2&amp;p=2\"", last);
        Assert.DoesNotContain("p=4", last);
        Assert.Equal("", Pager(new Pages(1, 1, 5), ""));
    }

    // A record with a concurrency stamp, as module records have.
    private sealed class Note
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
        [ConcurrencyCheck] public Guid Stamp { get; set; } = Guid.NewGuid();
    }

    private sealed class NotesDb(DbContextOptions<NotesDb> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    private sealed class EditPage : PageModel;

    [Fact]
    public async Task A_stale_save_says_someone_else_changed_it_and_saves_nothing()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<NotesDb>().UseSqlite(connection).Options;
        await using (var setup = new NotesDb(options)) { await setup.Database.EnsureCreatedAsync(); setup.Notes.Add(new Note { Id = 1, Text = "原文" }); await setup.SaveChangesAsync(); }

        await using var mine = new NotesDb(options);
        await using var theirs = new NotesDb(options);
        var myNote = await mine.Notes.SingleAsync();
        var theirNote = await theirs.Notes.SingleAsync();
        theirNote.Text = "他人修改"; theirNote.Stamp = Guid.NewGuid();
        var theirPage = new EditPage();
        Assert.True(await theirPage.TrySaveAsync(theirs));
        Assert.True(theirPage.ModelState.IsValid);

        myNote.Text = "我的修改"; myNote.Stamp = Guid.NewGuid();
        var page = new EditPage();
        Assert.False(await page.TrySaveAsync(mine));
        var error = Assert.Single(page.ModelState[""]!.Errors);
        Assert.Equal(PageOutcomes.ChangedByOthers.Zh, error.ErrorMessage);
        Assert.Empty(mine.ChangeTracker.Entries());
        await using var check = new NotesDb(options);
        Assert.Equal("他人修改", (await check.Notes.SingleAsync()).Text);
    }

    private sealed class Permissions(params string[] granted) : IPermissionChecker
    {
        public bool IsGranted(string permission) => granted.Contains(permission);
    }

    [RequirePermission("dues.view")]
    private sealed class DuesPage : PageModel
    {
        public void OnGet() { }
        [RequirePermission("dues.manage")]
        public void OnPostDelete() { }
    }

    private sealed class OpenPage : PageModel
    {
        public void OnGet() { }
    }

    private static async Task<IActionResult?> RunAsync(PageModel page, string handler, params string[] granted)
    {
        var services = new ServiceCollection().AddSingleton<IPermissionChecker>(new Permissions(granted)).BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var pageContext = new PageContext(new ActionContext(http, new RouteData(), new CompiledPageActionDescriptor()));
        var method = new HandlerMethodDescriptor { MethodInfo = page.GetType().GetMethod(handler)!, Parameters = [] };
        var context = new PageHandlerExecutingContext(pageContext, [], method, new Dictionary<string, object?>(), page);
        var ran = false;
        await new RequirePermissionPageFilter().OnPageHandlerExecutionAsync(context, () =>
        {
            ran = true;
            return Task.FromResult(new PageHandlerExecutedContext(pageContext, [], method, page));
        });
        Assert.Equal(context.Result is null, ran);
        return context.Result;
    }

    [Fact]
    public async Task A_page_without_its_permission_answers_404()
    {
        Assert.IsType<NotFoundResult>(await RunAsync(new DuesPage(), nameof(DuesPage.OnGet)));
        Assert.Null(await RunAsync(new DuesPage(), nameof(DuesPage.OnGet), "dues.view"));
        // The handler's own permission applies on top of the page's.
        Assert.IsType<NotFoundResult>(await RunAsync(new DuesPage(), nameof(DuesPage.OnPostDelete), "dues.view"));
        Assert.IsType<NotFoundResult>(await RunAsync(new DuesPage(), nameof(DuesPage.OnPostDelete), "dues.manage"));
        Assert.Null(await RunAsync(new DuesPage(), nameof(DuesPage.OnPostDelete), "dues.view", "dues.manage"));
        Assert.Null(await RunAsync(new OpenPage(), nameof(OpenPage.OnGet)));
    }

    [Fact]
    public async Task Directory_counts_match_the_roster_and_stay_in_the_agency()
    {
        using var portal = new PortalFactory();
        var demo = await portal.DemoAgencyIdAsync();
        var other = await portal.CreateAgencyAsync("CNT2", "cnt2-admin", "agency-admin,member");
        async Task<T> InAsync<T>(int agencyId, Func<IDirectory, Task<T>> work)
        {
            using var _ = AgencyScope.Use(agencyId);
            await using var scope = portal.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<IDirectory>());
        }
        var roster = await InAsync(demo, d => d.GetAllMembersAsync());
        var party = roster.Where(m => m.IsPartyMember).ToList();
        Assert.NotEmpty(party);
        Assert.True(party.Count < roster.Count, "the demo roster has people who are not (yet) Party members");
        Assert.Equal(party.Count, await InAsync(demo, d => d.CountMembersAsync(MemberQuery.PartyMembers)));
        Assert.Equal(roster.Count, await InAsync(demo, d => d.CountMembersAsync(new MemberQuery())));
        Assert.Equal(party.Select(m => m.Id).Order(), (await InAsync(demo, d => d.FindMembersAsync(MemberQuery.PartyMembers))).Select(m => m.Id).Order());

        var byOrg = await InAsync(demo, d => d.CountMembersByOrganizationAsync(MemberQuery.PartyMembers));
        Assert.Equal(party.GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.Count()), byOrg);

        // One branch with its groups, as GetMembersAsync reads it; the full members only.
        var branch = party.GroupBy(m => m.OrganizationId).OrderByDescending(g => g.Count()).First().Key;
        var full = new MemberQuery(branch, Stages: [MemberStage.FullMember]);
        var expected = (await InAsync(demo, d => d.GetMembersAsync(branch, true))).Count(m => m.Stage == MemberStage.FullMember);
        Assert.True(expected > 0);
        Assert.Equal(expected, await InAsync(demo, d => d.CountMembersAsync(full)));

        // Another agency counts none of them, even asked for the demo agency's branch.
        Assert.Equal(0, await InAsync(other, d => d.CountMembersAsync(MemberQuery.PartyMembers)));
        Assert.Equal(0, await InAsync(other, d => d.CountMembersAsync(full)));
        Assert.Empty(await InAsync(other, d => d.CountMembersByOrganizationAsync(new MemberQuery())));
    }
}
