using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

/// <summary>
/// Exam mode: the people of one agency take the same study test at the same moment, as on a phone: each starts it, then
/// sends every answer on its own request (as the page's script does), then the answers each person's attempt holds are
/// read back and compared with what was sent, and everyone submits. A lost answer, an answer stored with another value,
/// any 5xx, unexpected status or failed connection is an error; the run exits 1 on any.
/// </summary>
sealed partial class Soak
{
    public async Task<(string Report, int Errors)> RunExamAsync()
    {
        var people = People().ToList();
        var gate = new SemaphoreSlim(8);
        var sessions = (await Task.WhenAll(people.Select(async p =>
        {
            await gate.WaitAsync();
            try { return (Person: p, Client: await SignInAsync(p.UserName)); }
            finally { gate.Release(); }
        }))).Where(s => s.Client is not null).ToList();
        if (sessions.Count == 0) return ("Exam: nobody could sign in.", people.Count);
        // The agency's open test (the demo's hundred-rules test), as the first person's list shows it.
        var mine = await GetAsync(sessions[0].Client!, "my tests", "/m/study");
        var take = Links(mine, "/m/study/Take/").FirstOrDefault();
        if (take is null) return ("Exam: no open test on /m/study (seed with the study module on).", people.Count);
        var testId = take.Split('/').Last();

        var sent = 0;
        var saved = 0;
        var lost = 0;
        var clock = Stopwatch.StartNew();
        // Everybody at once (an awaited gate, not a blocking barrier that would starve the thread pool): start, the page,
        // then each answer on its own request.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var takers = sessions.Select(async s =>
        {
            var client = s.Client!;
            var answers = new Dictionary<string, string>();
            await go.Task;
            var page = await GetAsync(client, "test start page", take);
            var startForm = FormWithHandler(page, "Start");
            if (startForm is not null) await PostAsync(client, "test started", take, startForm, [], multipart: false);
            var questions = await GetAsync(client, "test page", take);
            var token = questions?.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
            if (questions is null || token is null) { errors.Enqueue($"{s.Person.UserName}: no test page"); return answers; }
            var random = new Random(s.Person.UserName.GetHashCode());
            foreach (var fieldset in questions.QuerySelectorAll("fieldset[data-question]"))
            {
                var id = fieldset.GetAttribute("data-question")!;
                var inputs = fieldset.QuerySelectorAll("input").OfType<IHtmlInputElement>().ToList();
                var value = inputs[0].Type == "text" ? "纪律" : inputs[random.Next(inputs.Count)].Value;
                Interlocked.Increment(ref sent);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var answer = await client.PostAsync($"{take}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token, ["question"] = id, ["value"] = value,
                    }));
                    Record("answer saved", started);
                    if (answer.StatusCode == HttpStatusCode.OK) { Interlocked.Increment(ref saved); answers[id] = value; }
                    else errors.Enqueue($"{s.Person.UserName} answer {id}: {(int)answer.StatusCode}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    errors.Enqueue($"{s.Person.UserName} answer {id}: {e.Message}");
                }
            }
            return answers;
        }).ToList();
        clock.Restart();
        go.SetResult();
        var expected = await Task.WhenAll(takers);
        var answering = clock.Elapsed;

        // What each attempt holds, against what was answered 200 to; then everyone submits.
        await Task.WhenAll(sessions.Select(async (s, i) =>
        {
            var client = s.Client!;
            var started = Stopwatch.GetTimestamp();
            try
            {
                var json = await client.GetStringAsync($"/m/study/api/tests/{testId}/attempt");
                Record("attempt read back", started);
                var stored = JsonDocument.Parse(json).RootElement.GetProperty("answers").EnumerateArray()
                    .ToDictionary(a => a.GetProperty("questionId").GetInt32().ToString(), a => a.GetProperty("value").GetString());
                foreach (var (question, value) in expected[i])
                    if (!stored.TryGetValue(question, out var kept) || kept != value)
                    {
                        Interlocked.Increment(ref lost);
                        errors.Enqueue($"{s.Person.UserName}: answer {question} sent as {value}, stored as {kept ?? "(nothing)"}");
                    }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                errors.Enqueue($"{s.Person.UserName}: attempt not read back: {e.Message}");
            }
            var page = await GetAsync(client, "test page again", take);
            var submit = FormWithHandler(page, "Submit");
            if (submit is not null) await PostAsync(client, "test submitted", take, submit, [], multipart: false);
            var result = await GetAsync(client, "result", $"/m/study/Result/{testId}");
            if (result is not null && !Regex.IsMatch(result.Body?.TextContent ?? "", "答对|questions right")) errors.Enqueue($"{s.Person.UserName}: no result after submitting");
        }));
        foreach (var s in sessions) s.Client?.Dispose();

        var report = new StringBuilder();
        report.AppendLine($"Exam: {sessions.Count} of {people.Count} people signed in and took test {testId} at the same moment, each answer on its own request.");
        report.AppendLine();
        LatencyTable(report);
        report.AppendLine();
        report.AppendLine($"Answers sent {sent}, saved (200) {saved}, lost or changed {lost}; all answers in {answering.TotalSeconds:F1} s ({saved / answering.TotalSeconds:F0}/s); {errors.Count} errors.");
        foreach (var e in errors.Take(10)) report.AppendLine("- error: " + e);
        return (report.ToString(), errors.Count + people.Count - sessions.Count);
    }
}
