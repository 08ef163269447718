using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

/// <summary>
/// Soak mode: many simulated people of mixed roles use the portal as they would in a browser — members read and sign
/// up for volunteer activities, branch secretaries record meetings, the Party office lists and exports — with a pause
/// between clicks, while the host's working set is sampled. Any answer of 500 or above, any unexpected 4xx and any
/// failed connection counts as an error.
/// </summary>
sealed partial class Soak(string baseUrl, Process host, int seconds, int users, int agencies, string password)
{
    private static readonly HtmlParser Parser = new();
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();
    private readonly ConcurrentQueue<string> errors = new();
    private int refused;

    public async Task<(string Report, int Errors)> RunAsync()
    {
        var people = People().ToList();
        // Sign everybody in first (eight at a time: password hashing is the slow part), as a morning would.
        var gate = new SemaphoreSlim(8);
        var sessions = await Task.WhenAll(people.Select(async p =>
        {
            await gate.WaitAsync();
            try { return (Person: p, Client: await SignInAsync(p.UserName)); }
            finally { gate.Release(); }
        }));
        // One round each before measuring, so that first-use compilation and caches are not counted as growth.
        await Task.WhenAll(sessions.Where(s => s.Client is not null).Select(s => RoundAsync(s.Person, s.Client!, new Random(s.Person.UserName.Length))));
        latencies.Clear();
        refused = 0;
        host.Refresh();
        var before = host.WorkingSet64;
        var samples = new List<(double At, long Bytes)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                host.Refresh();
                lock (samples) samples.Add((clock.Elapsed.TotalSeconds, host.WorkingSet64));
                try { await Task.Delay(2000, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        await Task.WhenAll(sessions.Where(s => s.Client is not null).Select(s => LiveAsync(s.Person, s.Client!, stop.Token)));
        await sampler;
        host.Refresh();
        var after = host.WorkingSet64;
        foreach (var s in sessions) s.Client?.Dispose();

        var signedIn = sessions.Count(s => s.Client is not null);
        var report = new StringBuilder();
        report.AppendLine($"Soak: {people.Count} people ({people.Count(p => p.Role == Role.Office)} Party office, {people.Count(p => p.Role == Role.Secretary)} branch secretaries, " +
            $"{people.Count(p => p.Role == Role.Member)} members) in {agencies} agencies, {signedIn} signed in, {seconds} s, a pause of 0.5–1.5 s between clicks.");
        report.AppendLine();
        LatencyTable(report);
        var total = latencies.Values.Sum(b => b.Count);
        report.AppendLine();
        report.AppendLine($"{total} requests ({total / clock.Elapsed.TotalSeconds:F0}/s), {errors.Count} errors, {refused} forms answered with a message (e.g. no places left).");
        var peak = samples.Count == 0 ? after : samples.Max(s => s.Bytes);
        var firstHalf = samples.Where(s => s.At < seconds / 2.0).Select(s => s.Bytes).DefaultIfEmpty(before).Max();
        var secondHalf = samples.Where(s => s.At >= seconds / 2.0).Select(s => s.Bytes).DefaultIfEmpty(after).Max();
        report.AppendLine($"Working set: {before / 1048576} MiB after sign-in, peak {peak / 1048576} MiB, {after / 1048576} MiB at the end; " +
            $"peak of the second half / peak of the first half = {(double)secondHalf / firstHalf:F2}.");
        report.AppendLine("Working set every 10 s (MiB): " + string.Join(", ", samples.Where((_, i) => i % 5 == 0).Select(s => $"{s.At:F0} s {s.Bytes / 1048576}")));
        foreach (var e in errors.Take(10)) report.AppendLine("- error: " + e);
        return (report.ToString(), errors.Count + people.Count - signedIn);
    }

    private enum Role { Office, Secretary, Member }
    private sealed record Person(string UserName, Role Role);

    // The accounts Modular.Seed --accounts makes: the same split of roles per agency.
    private IEnumerable<Person> People()
    {
        var perAgency = Math.Max(1, users / agencies);
        var office = Math.Max(1, perAgency / 10);
        var secretaries = Math.Max(1, perAgency * 15 / 100);
        for (var a = 1; a <= agencies; a++)
        {
            var prefix = $"a{a:D2}";
            for (var k = 1; k <= office; k++) yield return new($"{prefix}-office{k}", Role.Office);
            for (var k = 1; k <= secretaries; k++) yield return new($"{prefix}-sec{k}", Role.Secretary);
            for (var k = 1; k <= perAgency - office - secretaries; k++) yield return new($"{prefix}-m{k:D2}", Role.Member);
        }
    }

    private async Task<HttpClient?> SignInAsync(string userName)
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            var page = await client.GetStringAsync("/Account/Login");
            var form = Parser.ParseDocument(page).Forms.First(f => f.QuerySelector("[name='Input.UserName']") is not null);
            using var answer = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(Fields(form,
                new() { ["Input.UserName"] = userName, ["Input.Password"] = password })));
            if (answer.StatusCode == HttpStatusCode.Redirect) return client;
            errors.Enqueue($"{userName} could not sign in ({(int)answer.StatusCode})");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            errors.Enqueue($"{userName} could not sign in: {e.Message}");
        }
        client.Dispose();
        return null;
    }

    private async Task LiveAsync(Person person, HttpClient client, CancellationToken stop)
    {
        var random = new Random(person.UserName.GetHashCode());
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(person, client, random);
                await Task.Delay(random.Next(500, 1500), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        }
    }

    private Task RoundAsync(Person person, HttpClient client, Random random) => person.Role switch
    {
        Role.Member => MemberAsync(client, random),
        Role.Secretary => SecretaryAsync(client, random),
        _ => OfficeAsync(client, random),
    };

    // A member: the dashboard, the volunteer activities, one activity, signs up (or withdraws now and then), the
    // organisational-life page.
    private async Task MemberAsync(HttpClient client, Random random)
    {
        switch (random.Next(4))
        {
            case 0: await GetAsync(client, "dashboard", "/"); break;
            case 1: await GetAsync(client, "org-life home", "/m/org-life"); break;
            default:
                var list = await GetAsync(client, "volunteer activities", "/m/volunteer");
                var activity = Pick(random, Links(list, "/Activities/Details"));
                if (activity is null) return;
                var details = await GetAsync(client, "volunteer activity", activity);
                var signUp = FormWithHandler(details, "SignUp");
                var withdraw = FormWithHandler(details, "Withdraw");
                if (signUp is not null) await PostAsync(client, "volunteer sign-up", activity, signUp, [], multipart: false);
                else if (withdraw is not null && random.Next(3) == 0) await PostAsync(client, "volunteer withdrawal", activity, withdraw, [], multipart: false);
                break;
        }
    }

    // A branch secretary: the meetings, one meeting, records it as held (all present) when it can be recorded.
    private async Task SecretaryAsync(HttpClient client, Random random)
    {
        if (random.Next(3) == 0) { await GetAsync(client, "org-life compliance", "/m/org-life/Compliance"); return; }
        var list = await GetAsync(client, "meetings", "/m/org-life/Meetings");
        var meeting = Pick(random, Links(list, "/Meetings/Details"));
        if (meeting is null) return;
        var details = await GetAsync(client, "meeting", meeting);
        var recordLink = Links(details, "/Meetings/Record").FirstOrDefault();
        if (recordLink is null) return;
        var record = await GetAsync(client, "meeting record form", recordLink);
        var form = record?.Forms.FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && f.QuerySelector("[name='Minutes']") is not null);
        if (form is null) return;
        await PostAsync(client, "meeting recorded", recordLink, form,
            new() { ["Minutes"] = $"会议记录（压测）：学习传达上级精神，讨论支部工作。{random.Next(100000)}" }, multipart: true);
    }

    // The Party office: the member list (a random page), the export, the compliance table and its Excel file.
    private async Task OfficeAsync(HttpClient client, Random random)
    {
        switch (random.Next(4))
        {
            case 0: await GetAsync(client, "member list", $"/Directory/Members?p={random.Next(1, 20)}"); break;
            case 1: await GetAsync(client, "member export", "/Directory/Members/Export", html: false); break;
            default:
                var compliance = await GetAsync(client, "org-life compliance", "/m/org-life/Compliance");
                var excel = Pick(random, Links(compliance, "records.xlsx"));
                if (excel is not null) await GetAsync(client, "compliance Excel", excel, html: false);
                break;
        }
    }

    private async Task<IHtmlDocument?> GetAsync(HttpClient client, string action, string path, bool html = true)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var answer = await client.GetAsync(path);
            var body = await answer.Content.ReadAsStringAsync();
            Record(action, started);
            if (answer.StatusCode != HttpStatusCode.OK) { errors.Enqueue($"GET {path}: {(int)answer.StatusCode}"); return null; }
            return html ? Parser.ParseDocument(body) : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            errors.Enqueue($"GET {path}: {e.Message}");
            return null;
        }
    }

    // Posts a form as the browser would, with what the page put in it and the given values; a redirect is success,
    // the page again (200) is a refusal with a message — both are answers, anything else is an error.
    private async Task PostAsync(HttpClient client, string action, string pageUrl, IHtmlFormElement form, Dictionary<string, string> values, bool multipart)
    {
        var fields = Fields(form, values);
        HttpContent content = multipart ? Multipart(fields) : new FormUrlEncodedContent(fields);
        var target = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var answer = await client.PostAsync(target, content);
            await answer.Content.ReadAsByteArrayAsync();
            Record(action, started);
            if (answer.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref refused);
            else if (answer.StatusCode != HttpStatusCode.Redirect) errors.Enqueue($"POST {target}: {(int)answer.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            errors.Enqueue($"POST {target}: {e.Message}");
        }
    }

    /// <summary>The latencies of each action, as a Markdown table.</summary>
    private void LatencyTable(StringBuilder report)
    {
        report.AppendLine("| action | requests | p50 ms | p99 ms |");
        report.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (action, bag) in latencies.OrderBy(l => l.Key))
        {
            var all = bag.Order().ToList();
            report.AppendLine($"| {action} | {all.Count} | {all[all.Count / 2]:F1} | {all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))]:F1} |");
        }
    }

    private void Record(string action, long started)
    {
        latencies.GetOrAdd(action, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    // The fields a browser would send: hidden and typed values, the checked radio (the first of a group when none),
    // checked boxes, the selected option, text areas; then the given values over them.
    private static List<KeyValuePair<string, string>> Fields(IHtmlFormElement form, Dictionary<string, string> values)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var radios = new HashSet<string>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || values.ContainsKey(name)) continue;
            switch (element)
            {
                case IHtmlInputElement { Type: "radio" } radio:
                    var group = form.Elements.OfType<IHtmlInputElement>().Where(r => r.Type == "radio" && r.Name == name).ToList();
                    if (radios.Add(name)) fields.Add(new(name, (group.FirstOrDefault(r => r.IsChecked) ?? group[0]).Value));
                    break;
                case IHtmlInputElement { Type: "checkbox" } box:
                    if (box.IsChecked) fields.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "file" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input: fields.Add(new(name, input.Value)); break;
                case IHtmlTextAreaElement area: fields.Add(new(name, area.Value)); break;
                case IHtmlSelectElement select: fields.Add(new(name, select.Value ?? "")); break;
            }
        }
        fields.AddRange(values);
        return fields;
    }

    private static MultipartFormDataContent Multipart(List<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        return content;
    }

    private static IHtmlFormElement? FormWithHandler(IHtmlDocument? page, string handler) =>
        page?.Forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.OrdinalIgnoreCase));

    private static List<string> Links(IHtmlDocument? page, string containing) =>
        page is null ? [] : page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
            .Where(h => h.Contains(containing, StringComparison.OrdinalIgnoreCase) && h.StartsWith('/')).Distinct().ToList();

    private static string? Pick(Random random, List<string> links) => links.Count == 0 ? null : links[random.Next(links.Count)];
}
