using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Modular.Host.Data;
using Modular.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Modular.Tests.BadInput;

/// <summary>
/// The sweep of issue #15 (9): crawls the portal (host and every first-party module) as each demo role from the menu and
/// the links, then posts every form it found with bad values, one field at a time (empty, very long, wrong type, dates out of
/// range, non-boolean checkboxes, unknown options, ids of another agency), and asks every page again with bad query values.
/// No answer may be a 5xx, and a form shown again says what is wrong in Chinese. A failure lists (role, page, field, value, status).
/// </summary>
public sealed partial class BadInputSweepTests(BadInputSweepTests.Portal portal, ITestOutputHelper output) : IClassFixture<BadInputSweepTests.Portal>
{
    public sealed class Portal() : PortalFactory("org-life", "volunteer", "civilization", "integrity", "development", "elections", "dues", "transfers", "supervision", "study");

    private static readonly string[] Roles = PortalClient.DemoAccounts;
    private static readonly string[] QueryOrder = ["office", "secretary", "shuji", "jijian", "member", "gongwei", "admin", "secadmin", "auditor"];
    private const int MaxPagesPerRole = 70;
    private const int InstancesPerTemplate = 2;
    private static readonly string Long = new('长', 5000);

    private readonly List<string> _failures = [];
    private readonly HtmlParser _parser = new();
    private int _requests;

    [Fact]
    public async Task Every_form_and_list_answers_bad_input_without_a_server_error_and_in_Chinese()
    {
        var watch = Stopwatch.StartNew();
        var agencyA = await portal.DemoAgencyIdAsync();
        var agencyB = await portal.WithDbAsync(db => db.Agencies.Where(a => a.Id != agencyA).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

        // Crawl first, as every role, while the data is as seeded.
        var crawls = new List<Crawl>();
        foreach (var role in Roles)
        {
            var client = await portal.SignedInAsync(role);
            crawls.Add(await CrawlAsync(client, role, MaxPagesPerRole));
        }
        // The office serves a second agency: its pages and forms there give the ids of another agency.
        var office = crawls.Single(c => c.Role == "office");
        await SwitchAsync(office.Client, agencyB);
        var other = await CrawlAsync(office.Client, "office@B", 40);
        await SwitchAsync(office.Client, agencyA);
        foreach (var crawl in crawls) output.WriteLine($"{crawl.Role}: " + string.Join(" ", crawl.Submissions.Select(s => Template(s.Action)).Distinct()));
        output.WriteLine($"crawled in {watch.Elapsed.TotalSeconds:F0} s, {_requests} requests: " + string.Join(", ", crawls.Select(c => $"{c.Role} {c.Pages.Count} pages {c.Submissions.Count} forms")));

        // Another agency's pages, asked for from this one.
        foreach (var url in other.Pages.Where(u => DigitSegment().IsMatch(u)))
            await GetAsync(office.Client, "office", url, "(another agency's page)", url);

        // Each list page once (by the role with most rights that reached it), with every bad query value.
        var asked = new HashSet<string>();
        foreach (var crawl in crawls.OrderBy(c => Array.IndexOf(QueryOrder, c.Role)))
            foreach (var page in crawl.Pages.Where(p => asked.Add(Template(PathOf(p)))))
                await SweepQueryAsync(crawl, page);
        // Each form with every bad value by the first role that can open it; by the others with every field bad at once.
        var posted = new HashSet<string>();
        foreach (var crawl in crawls)
            foreach (var submission in crawl.Submissions.OrderBy(s => s.Action.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase)))
                await SweepFormAsync(crawl, submission, crawl.Role == "office" ? other : null, full: posted.Add(submission.Signature));
        output.WriteLine($"swept in {watch.Elapsed.TotalSeconds:F0} s, {_requests} requests");
        Assert.True(_failures.Count == 0, $"{_failures.Count} bad answers (role | page | field | value | status | detail):\n" + string.Join("\n", _failures.Distinct().Take(200)));
    }

    // ---- crawl ----

    private sealed record Field(string Name, string Kind, IReadOnlyList<string> Options);

    private sealed record Submission(string Page, string Action, List<KeyValuePair<string, string>> Baseline, List<Field> Fields, bool Destructive, bool Multipart)
    {
        public string Signature => Template(Action) + "|" + string.Join(",", Fields.Select(f => f.Name).Order());
    }

    private sealed class Crawl(string role, HttpClient client)
    {
        public string Role { get; } = role;
        public HttpClient Client { get; } = client;
        public List<string> Pages { get; } = [];
        public List<Submission> Submissions { get; } = [];
        /// <summary>Query names a page is asked with (its links to itself and its filter forms).</summary>
        public Dictionary<string, HashSet<string>> QueryKeys { get; } = [];
    }

    private async Task<Crawl> CrawlAsync(HttpClient client, string role, int maxPages)
    {
        var crawl = new Crawl(role, client);
        // Pages of a shape not yet seen come first, so the bounded crawl reaches every kind of page before a second of one kind.
        var fresh = new Queue<string>(["/"]);
        var later = new Queue<string>();
        var queued = new HashSet<string>(["/"]);
        var paths = new HashSet<string>(["/"]);
        var perTemplate = new Dictionary<string, int>();
        var signatures = new HashSet<string>();
        void Enqueue(string link) => (paths.Add(Template(PathOf(link))) ? fresh : later).Enqueue(link);
        while ((fresh.Count > 0 || later.Count > 0) && crawl.Pages.Count < maxPages)
        {
            var url = fresh.Count > 0 ? fresh.Dequeue() : later.Dequeue();
            var response = await GetAsync(client, role, url, "(crawl)", "");
            if (response is null) continue;
            if (IsRedirect(response.StatusCode) && Local(response.Headers.Location?.ToString(), url) is { } target && queued.Add(target) && Allowed(target)) Enqueue(target);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            crawl.Pages.Add(url);
            var document = await _parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            var path = PathOf(url);
            foreach (var a in document.QuerySelectorAll("a[href]"))
            {
                var link = Local(a.GetAttribute("href"), url);
                if (link is null || !Allowed(link)) continue;
                if (PathOf(link) == path) AddQueryKeys(crawl, path, link);
                var template = Template(link);
                if (queued.Contains(link) || perTemplate.GetValueOrDefault(template) >= (link.Contains('?') ? 1 : InstancesPerTemplate)) continue;
                perTemplate[template] = perTemplate.GetValueOrDefault(template) + 1;
                queued.Add(link);
                Enqueue(link);
            }
            foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                var action = Local(form.GetAttribute("action") is { Length: > 0 } act ? act : url, url) ?? url;
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var name in Controls(document, form).Select(c => c.GetAttribute("name")).OfType<string>()) Keys(crawl, PathOf(action)).Add(name);
                    continue;
                }
                foreach (var submission in Submissions(document, form, url, action))
                    if (Allowed(submission.Action) && signatures.Add(submission.Signature)) crawl.Submissions.Add(submission);
            }
        }
        return crawl;
    }

    private static HashSet<string> Keys(Crawl crawl, string path) =>
        crawl.QueryKeys.TryGetValue(path, out var keys) ? keys : crawl.QueryKeys[path] = new(StringComparer.OrdinalIgnoreCase);

    private static void AddQueryKeys(Crawl crawl, string path, string link)
    {
        var q = link.IndexOf('?');
        if (q < 0) return;
        foreach (var pair in link[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            Keys(crawl, path).Add(Uri.UnescapeDataString(pair.Split('=')[0]));
    }

    private static IEnumerable<IElement> Controls(IDocument document, IHtmlFormElement form)
    {
        var own = form.QuerySelectorAll("input, select, textarea, button");
        var outside = form.Id is { Length: > 0 } id ? document.QuerySelectorAll($"[form='{id}']").ToList() : new List<IElement>();
        return own.Concat(outside).Where(e => e.GetAttribute("form") is null || e.GetAttribute("form") == form.Id);
    }

    /// <summary>One submission per submit button with its own action or name (a form with a save and a delete button is two).</summary>
    private static IEnumerable<Submission> Submissions(IDocument document, IHtmlFormElement form, string page, string action)
    {
        var controls = Controls(document, form).ToList();
        var baseline = new List<KeyValuePair<string, string>>();
        var fields = new Dictionary<string, Field>();
        foreach (var c in controls)
        {
            var name = c.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || c.HasAttribute("disabled")) continue;
            var tag = c.LocalName;
            var type = (c.GetAttribute("type") ?? (tag == "button" ? "submit" : "text")).ToLowerInvariant();
            if (tag == "button" || type is "submit" or "button" or "reset" or "image") continue;
            if (type == "file") { fields.TryAdd(name, new Field(name, "file", [])); continue; }
            if (name == "__RequestVerificationToken") { baseline.Add(new(name, c.GetAttribute("value") ?? "")); continue; }
            var kind = tag switch { "select" => "select", "textarea" => "textarea", _ => type };
            if (kind == "hidden" && fields.TryGetValue(name, out var existing) && existing.Kind == "checkbox") { baseline.Add(new(name, c.GetAttribute("value") ?? "")); continue; }
            var options = tag == "select" ? c.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? o.TextContent).ToList() : (IReadOnlyList<string>)[];
            if (!fields.TryGetValue(name, out var field) || field.Kind == "hidden") fields[name] = new Field(name, kind, options);
            switch (c)
            {
                case IHtmlSelectElement select:
                    var chosen = select.Options.Where(o => o.IsSelected).Select(o => o.Value).ToList();
                    if (chosen.Count == 0 && !select.IsMultiple && select.Options.Length > 0) chosen.Add(select.Options[0].Value);
                    baseline.AddRange(chosen.Select(v => new KeyValuePair<string, string>(name, v)));
                    break;
                case IHtmlTextAreaElement area:
                    baseline.Add(new(name, area.Value));
                    break;
                default:
                    if (type is "checkbox" or "radio") { if (c.HasAttribute("checked")) baseline.Add(new(name, c.GetAttribute("value") ?? "on")); }
                    else baseline.Add(new(name, c.GetAttribute("value") ?? ""));
                    break;
            }
        }
        var buttons = controls.Where(c => (c.LocalName == "button" && (c.GetAttribute("type") ?? "submit").Equals("submit", StringComparison.OrdinalIgnoreCase))
            || (c.LocalName == "input" && c.GetAttribute("type")?.ToLowerInvariant() == "submit")).ToList();
        var formDestructive = Destructive(action, form.ClassName) || (buttons.Count > 0 && buttons.All(b => Danger(b)));
        var multipart = string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        if (buttons.Count == 0) { yield return new Submission(page, action, baseline, [.. fields.Values], formDestructive, multipart); yield break; }
        var seen = new HashSet<string>();
        foreach (var b in buttons)
        {
            var target = b.GetAttribute("formaction") is { Length: > 0 } fa ? Local(fa, page) ?? action : action;
            var extra = b.GetAttribute("name") is { Length: > 0 } bn ? new KeyValuePair<string, string>(bn, b.GetAttribute("value") ?? "") : (KeyValuePair<string, string>?)null;
            if (!seen.Add(target + "|" + extra)) continue;
            var values = new List<KeyValuePair<string, string>>(baseline);
            if (extra is { } e) values.Add(e);
            yield return new Submission(page, target, values, [.. fields.Values], formDestructive || Danger(b) || Destructive(target, null), multipart);
        }
    }

    private static bool Danger(IElement button) => button.ClassList.Any(c => c.Contains("danger", StringComparison.Ordinal));

    private static bool Destructive(string action, string? classes) =>
        DestructivePattern().IsMatch(action) || (classes?.Contains("danger", StringComparison.Ordinal) ?? false);

    [GeneratedRegex(@"(delete|remove|revoke|uninstall|cancel|withdraw|reset|disable|logout|signout|sign-out|forget)", RegexOptions.IgnoreCase)]
    private static partial Regex DestructivePattern();

    /// <summary>
    /// Pages the crawl does not open: signing out ends the role's session, the OIDC endpoints are not pages, and the
    /// language switch would leave the rest of the role's sweep in English (when the page limit cuts the switch back off).
    /// </summary>
    private static bool Allowed(string url) =>
        !Regex.IsMatch(url, @"^/(Account/Logout|connect/|\.well-known/|culture/)|signout|logout", RegexOptions.IgnoreCase);

    // ---- bad values ----

    private static IEnumerable<string> BadValues(Field f) => f.Kind switch
    {
        "checkbox" => ["maybe"],
        "radio" => ["Garbage"],
        "date" => ["0001-01-01", "9999-12-31"],
        "datetime-local" => ["0001-01-01T00:00", "9999-12-31T23:59"],
        "time" => ["25:61"],
        "month" => ["9999-12"],
        "number" => ["abc", "-99999999999"],
        "select" => ["Garbage", "999999"],
        "hidden" when IdLike(f.Name) => ["abc", "999999", ""],
        "hidden" when f.Name.EndsWith("Version", StringComparison.OrdinalIgnoreCase) => ["abc"],
        "hidden" => ["maybe"],
        "file" => [],
        "password" => ["", Long],
        _ => ["", Long],
    };

    private static bool IdLike(string name) => Regex.IsMatch(name, @"(^|\.|_)(id|[A-Za-z]*Id)$|Id$", RegexOptions.IgnoreCase) || name is "creating";

    private sealed record Variant(string Field, string Value, List<KeyValuePair<string, string>> Form, string? Action = null);

    private static IEnumerable<Variant> Variants(Submission s, Submission? other, bool full)
    {
        if (!full)
        {
            if (s.Destructive) yield break;
            yield return Empty(s);
            var bad = s.Baseline.Where(p => p.Key == "__RequestVerificationToken" || s.Fields.All(f => f.Name != p.Key)).ToList();
            bad.AddRange(s.Fields.Select(f => new KeyValuePair<string, string>(f.Name, BadValues(f).FirstOrDefault() ?? "")));
            yield return new Variant("(every field)", "bad", bad);
            yield break;
        }
        var fields = s.Destructive ? s.Fields.Where(f => f.Kind == "hidden" && IdLike(f.Name)).ToList() : s.Fields;
        foreach (var f in fields)
        {
            foreach (var value in BadValues(f))
                yield return new Variant(f.Name, value, With(s.Baseline, f.Name, value));
            // A hidden true/false turned over (a create form said to be an edit, and so on).
            var current = s.Baseline.FirstOrDefault(p => p.Key == f.Name).Value;
            if (f.Kind == "hidden" && bool.TryParse(current, out var b))
                yield return new Variant(f.Name, (!b).ToString().ToLowerInvariant(), With(s.Baseline, f.Name, (!b).ToString().ToLowerInvariant()));
            // The value the same field has in another agency (an id of another agency).
            if (other?.Fields.FirstOrDefault(o => o.Name == f.Name) is { } o)
            {
                var theirs = other.Baseline.Where(p => p.Key == f.Name).Select(p => p.Value).Concat(o.Options)
                    .Where(v => long.TryParse(v, out _) && !f.Options.Contains(v) && v != current).Take(1);
                foreach (var v in theirs) yield return new Variant(f.Name + " (another agency's)", v, With(s.Baseline, f.Name, v));
            }
        }
        if (s.Destructive) yield break;
        yield return Empty(s);
        if (other is not null && DigitSegment().Match(other.Action) is { Success: true } m && DigitSegment().IsMatch(s.Action) && other.Action != s.Action)
            yield return new Variant("(path id, another agency's)", m.Value, s.Baseline, other.Action);
    }

    private static Variant Empty(Submission s) =>
        new("(every field)", "empty", s.Baseline.Select(p => p.Key == "__RequestVerificationToken" ? p : new KeyValuePair<string, string>(p.Key, "")).ToList());

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> baseline, string name, string value)
    {
        var form = baseline.Where(p => p.Key != name).ToList();
        form.Add(new(name, value));
        return form;
    }

    // ---- sweeps ----

    private async Task SweepFormAsync(Crawl crawl, Submission s, Crawl? other, bool full)
    {
        var theirs = other?.Submissions.FirstOrDefault(o => o.Signature == s.Signature);
        foreach (var v in Variants(s, theirs, full))
        {
            var action = v.Action ?? s.Action;
            HttpContent content = s.Multipart ? Multipart(v.Form) : new FormUrlEncodedContent(v.Form);
            HttpResponseMessage response;
            try { response = await crawl.Client.PostAsync(action, content); }
            catch (Exception e) { Fail(crawl.Role, s.Page + " → " + action, v.Field, v.Value, 0, e.GetType().Name + ": " + e.Message); continue; }
            _requests++;
            var status = (int)response.StatusCode;
            if (status >= 500) { Fail(crawl.Role, s.Page + " → " + action, v.Field, v.Value, status, ServerError()); continue; }
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var document = await _parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
            var messages = document.QuerySelectorAll("[data-valmsg-for], .validation-summary-errors li, .field-validation-error")
                .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();
            foreach (var english in messages.Where(t => !Cjk().IsMatch(t)))
                Fail(crawl.Role, s.Page + " → " + action, v.Field, v.Value, status, "message not in Chinese: " + english);
            if (messages.Count == 0 && !document.QuerySelectorAll(".alert").Any(a => Cjk().IsMatch(a.TextContent)) && Reshown(document, s))
                Fail(crawl.Role, s.Page + " → " + action, v.Field, v.Value, status, "the form is shown again without a message");
        }
    }

    /// <summary>The answer shows the posted form again (same field names), as a page does that refuses it.</summary>
    private static bool Reshown(IDocument document, Submission s)
    {
        var names = document.QuerySelectorAll("form[method=post] [name]").Select(e => e.GetAttribute("name")).ToHashSet();
        var mine = s.Fields.Where(f => f.Kind is not "hidden").Select(f => f.Name).ToList();
        return mine.Count > 0 && mine.All(names.Contains);
    }

    private static MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> form)
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in form) content.Add(new StringContent(v), k);
        return content;
    }

    private static readonly Dictionary<string, string[]> QueryValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p"] = ["-1", "999999"],
        ["page"] = ["-1", "999999"],
        ["year"] = ["0", "9999", "99999"],
        ["sort"] = ["garbage"],
        ["from"] = ["0001-01-01", "9999-12-31"],
        ["to"] = ["9999-12-31"],
        ["month"] = ["13"],
    };

    private async Task SweepQueryAsync(Crawl crawl, string page)
    {
        var path = PathOf(page);
        var keys = new HashSet<string>(crawl.QueryKeys.GetValueOrDefault(path) ?? [], StringComparer.OrdinalIgnoreCase) { "p", "year", "sort" };
        foreach (var key in keys.Where(k => k != "__RequestVerificationToken" && k != "handler" && k != "returnUrl"))
        {
            var values = QueryValues.GetValueOrDefault(key) ?? ["Garbage", "-1"];
            foreach (var value in values)
            {
                var url = WithQuery(page, key, value);
                await GetAsync(crawl.Client, crawl.Role, url, key, value);
            }
        }
    }

    private async Task<HttpResponseMessage?> GetAsync(HttpClient client, string role, string url, string field, string value)
    {
        HttpResponseMessage response;
        try { response = await client.GetAsync(url); }
        catch (Exception e) { Fail(role, url, field, value, 0, e.GetType().Name + ": " + e.Message); return null; }
        _requests++;
        if ((int)response.StatusCode >= 500) { Fail(role, url, field, value, (int)response.StatusCode, ServerError()); return null; }
        return response;
    }

    private static string WithQuery(string url, string key, string value)
    {
        var q = url.IndexOf('?');
        var path = q < 0 ? url : url[..q];
        var pairs = q < 0 ? [] : url[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.Split('=')[0].Equals(key, StringComparison.OrdinalIgnoreCase)).ToList();
        pairs.Add(Uri.EscapeDataString(key) + "=" + Uri.EscapeDataString(value));
        return path + "?" + string.Join("&", pairs);
    }

    private async Task SwitchAsync(HttpClient client, int agencyId)
    {
        var response = await client.PostFormAsync("/", new Dictionary<string, string> { ["agencyId"] = agencyId.ToString() }, "/Account/SwitchAgency");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private void Fail(string role, string page, string field, string value, int status, string detail)
    {
        var shown = value.Length > 20 ? value[..8] + $"…({value.Length} chars)" : value;
        _failures.Add($"{role} | {page} | {field} | {shown} | {status} | {detail}");
    }

    /// <summary>The exception of the server's last error (its log line ends with " | Type: message").</summary>
    private string ServerError()
    {
        var e = portal.Log.Entries.LastOrDefault(e => e.Contains(" Error ", StringComparison.Ordinal) || e.Contains("Critical", StringComparison.Ordinal));
        if (e is null) return "(no server error logged)";
        var text = Regex.Replace(e[(e.LastIndexOf(" | ", StringComparison.Ordinal) + 1)..], @"\s+", " ");
        return text[..Math.Min(300, text.Length)];
    }

    // ---- urls ----

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    /// <summary>A path on this site with its query (no fragment), or null for other sites, scripts and anchors.</summary>
    private static string? Local(string? href, string baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) return null;
        var origin = new Uri("http://localhost");
        if (!Uri.TryCreate(new Uri(origin, baseUrl), WebUtility.HtmlDecode(href), out var uri) || uri.Host != "localhost") return null;
        return uri.PathAndQuery;
    }

    private static string PathOf(string url) => url.Split('?')[0];

    /// <summary>The shape of a url: ids become {n}, query values are dropped (so a list's pages count once).</summary>
    private static string Template(string url)
    {
        var q = url.IndexOf('?');
        var path = DigitSegment().Replace(q < 0 ? url : url[..q], "/{n}");
        var keys = q < 0 ? "" : string.Join("&", url[(q + 1)..].Split('&').Select(p => p.Split('=')[0]).Order());
        return path + "?" + keys;
    }

    [GeneratedRegex(@"/\d+(?=/|$)")]
    private static partial Regex DigitSegment();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
