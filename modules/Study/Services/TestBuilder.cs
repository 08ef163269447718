namespace Modular.Modules.Study.Services;

/// <summary>
/// Makes and edits a test: checks the form, copies the chosen or drawn questions into it (the bank may change later; the
/// test does not). Once anyone has started it, only its title, note, takers and a later close may change; a test nobody
/// has started may be deleted, a started one only closed.
/// </summary>
public sealed class TestBuilder(StudyDbContext db, IDirectory directory, IAgencyClock clock)
{
    /// <param name="OrganizationIds">Organisations whose Party members take it.</param>
    /// <param name="MemberIds">People who take it.</param>
    /// <param name="Draws">The random draw's lines that were filled in, each with its line number on the form.</param>
    /// <param name="DrawPerPerson">Each taker gets their own draw.</param>
    /// <param name="Posted">The fixed settings' form fields that were posted (a started test's form does not send them).</param>
    public sealed record Form(string? Title, string? Description, DateTime? Opens, DateTime? Closes, int? DurationMinutes, int? PassMark, bool ClosedBook,
        bool IntegrityKnowledge, Selection Selection, IReadOnlyCollection<int> QuestionIds, IReadOnlyList<(int Index, DrawRules.Line Line)> Draws, bool DrawPerPerson,
        bool WholeAgency, IReadOnlyCollection<int> OrganizationIds, IReadOnlyCollection<int> MemberIds, IReadOnlySet<string>? Posted = null);

    public Task<(StudyTest? Test, List<Problem> Problems)> CreateAsync(Form form, CancellationToken ct) => SaveAsync(null, form, ct);

    /// <summary>Whether anyone has started the test (its questions and times are then fixed).</summary>
    public Task<bool> StartedAsync(int testId, CancellationToken ct) => db.Attempts.AnyAsync(a => a.TestId == testId, ct);

    /// <summary>Makes a test, or changes <paramref name="existing"/> (tracked, with its questions).</summary>
    public async Task<(StudyTest? Test, List<Problem> Problems)> SaveAsync(StudyTest? existing, Form form, CancellationToken ct)
    {
        var started = existing is not null && await StartedAsync(existing.Id, ct);
        // Only this agency's questions, organisations and people count: anything else posted is dropped before the rules see it.
        var chosen = form.Selection == Selection.Chosen && form.QuestionIds.Count > 0
            ? await db.Questions.AsNoTracking().Where(q => form.QuestionIds.Contains(q.Id)).ToListAsync(ct)
            : [];
        var lines = form.Draws.Select(d => d.Line).ToList();
        // The bank's questions by category and difficulty, for the draw's pools (ids only: the drawn ones are read whole below).
        var bank = form.Selection == Selection.Random ? await db.Questions.AsNoTracking().Select(q => new { q.Id, q.Category, q.Difficulty }).ToListAsync(ct) : [];
        List<int> Pool(DrawRules.Line line) => bank.Where(q => line.Takes(q.Category, q.Difficulty)).Select(q => q.Id).OrderBy(id => id).ToList();
        var orgIds = (await directory.GetOrganizationsAsync(ct)).Select(o => o.Id).ToHashSet();
        var orgs = form.OrganizationIds.Where(orgIds.Contains).Distinct().ToList();
        var people = form.MemberIds.Count == 0 ? [] : (await directory.GetMembersAsync(form.MemberIds.ToHashSet(), ct)).Where(m => m.IsPartyMember).Select(m => m.Id).ToList();
        var questionsChanged = existing is null || QuestionsChanged(existing, form);
        List<Problem> problems;
        if (started)
        {
            var kept = existing!;
            bool Sent(string field) => form.Posted?.Contains(field) != false;
            problems = TestRules.CheckStarted(new TestRules.Fixed(kept.Opens, kept.Closes, kept.DurationMinutes, kept.PassMark, kept.ClosedBook),
                Sent("Opens") ? form.Opens : null, form.Closes, Sent("DurationMinutes") ? form.DurationMinutes : null, Sent("PassMark") ? form.PassMark : null,
                Sent("ClosedBook") ? form.ClosedBook : null, Sent("Selection") && questionsChanged);
            // The rest of the form is checked as it stands, with the fixed settings as kept.
            problems.AddRange(TestRules.Check(new TestRules.Input(form.Title, form.Description, kept.Opens, form.Closes ?? kept.Closes, kept.DurationMinutes, kept.PassMark,
                    Selection.Chosen, kept.Questions.Select(q => q.Id).ToList(), form.WholeAgency, orgs.Count, people.Count))
                .Where(p => p.Field is not ("Closes" or "QuestionIds")));
        }
        else
        {
            problems = TestRules.Check(new TestRules.Input(form.Title, form.Description, form.Opens, form.Closes, form.DurationMinutes, form.PassMark, form.Selection,
                chosen.Select(q => q.Id).ToList(), form.WholeAgency, orgs.Count, people.Count));
            if (form.Selection == Selection.Random) problems.AddRange(DrawRules.Check(form.Draws, line => Pool(line).Count, TestRules.MaxQuestions));
        }
        if (problems.Count > 0) return (null, problems);

        var test = existing ?? db.Tests.Add(new StudyTest { CreatedAt = clock.LocalNow }).Entity;
        test.Title = form.Title!.Trim();
        test.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        test.IntegrityKnowledge = form.IntegrityKnowledge;
        test.WholeAgency = form.WholeAgency;
        test.OrganizationIds = form.WholeAgency ? "" : Ids.Join(orgs);
        test.MemberIds = form.WholeAgency ? "" : Ids.Join(people);
        if (started)
        {
            // The window extended: attempts still running may use the time their duration gives them.
            if (form.Closes!.Value != test.Closes)
                foreach (var a in await db.Attempts.Where(a => a.TestId == test.Id && a.SubmittedAt == null).ToListAsync(ct))
                    a.DueAt = TestWindow.DueAt(a.StartedAt, test.DurationMinutes, form.Closes.Value);
            test.Closes = form.Closes.Value;
        }
        else
        {
            test.Opens = form.Opens!.Value;
            test.Closes = form.Closes!.Value;
            test.DurationMinutes = form.DurationMinutes!.Value;
            test.PassMark = form.PassMark!.Value;
            test.ClosedBook = form.ClosedBook;
            if (questionsChanged)
            {
                var random = form.Selection == Selection.Random;
                test.Selection = form.Selection;
                test.DrawSpec = random ? DrawRules.Format(lines) : null;
                test.DrawPerPerson = random && form.DrawPerPerson;
                // The one-line draw of a category is also kept the way tests before 1.6 kept it.
                test.DrawCategory = random && lines is [{ Difficulty: null } only] ? only.Category : null;
                test.DrawCount = random ? lines.Sum(l => l.Count) : null;
                db.TestQuestions.RemoveRange(test.Questions);
                test.Questions.Clear();
                if (!random) AddQuestions(test, form.QuestionIds.Distinct().Select(id => chosen.FirstOrDefault(q => q.Id == id)).OfType<Question>());
                else if (test.DrawPerPerson)
                {
                    // Every line's whole pool goes into the test; each taker's seed picks their own questions from it.
                    var pools = lines.Select(Pool).ToList();
                    var all = pools.SelectMany(p => p).ToHashSet();
                    var byId = await db.Questions.AsNoTracking().Where(q => all.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
                    AddQuestions(test, pools.SelectMany((pool, b) => pool.Select(id => (byId[id], (int?)b))));
                }
                else
                {
                    var drawn = lines.SelectMany(line => Pool(line).OrderBy(_ => Random.Shared.Next()).Take(line.Count)).ToHashSet();
                    AddQuestions(test, await db.Questions.AsNoTracking().Where(q => drawn.Contains(q.Id)).OrderBy(q => q.Id).ToListAsync(ct));
                }
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, [Problem.Stale()]);
        }
        return (test, problems);
    }

    /// <summary>Whether the form asks for other questions than the test has: another way of choosing, other questions chosen, another draw.</summary>
    private static bool QuestionsChanged(StudyTest test, Form form)
    {
        if (form.Selection != test.Selection) return true;
        if (form.Selection == Selection.Chosen)
            return !form.QuestionIds.ToHashSet().SetEquals(test.Questions.Where(q => q.QuestionId is not null).Select(q => q.QuestionId!.Value));
        return DrawRules.Format(form.Draws.Select(d => d.Line)) != DrawRules.Format(DrawOf(test)) || form.DrawPerPerson != test.DrawPerPerson;
    }

    /// <summary>A random test's draw lines (a test before 1.6 drew one category, or every category, without difficulty).</summary>
    public static IReadOnlyList<DrawRules.Line> DrawOf(StudyTest test) =>
        test.DrawSpec is not null ? DrawRules.Parse(test.DrawSpec) : test.DrawCount is { } n ? [new DrawRules.Line(test.DrawCategory, null, n)] : [];

    /// <summary>
    /// Closes a test now: nobody may start it any more, and attempts still running end now (submitted as they stand on
    /// their next request or by the job). False for a test not open.
    /// </summary>
    public async Task<bool> CloseAsync(StudyTest test, CancellationToken ct)
    {
        var now = clock.LocalNow;
        if (TestWindow.State(test.Opens, test.Closes, now) != TestState.Open) return false;
        test.Closes = now;
        foreach (var a in await db.Attempts.Where(a => a.TestId == test.Id && a.SubmittedAt == null && a.DueAt > now).ToListAsync(ct)) a.DueAt = now;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Deletes a test nobody has started; false (nothing deleted) once anyone has.</summary>
    public async Task<bool> DeleteAsync(StudyTest test, CancellationToken ct)
    {
        if (await StartedAsync(test.Id, ct)) return false;
        db.Tests.Remove(test);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Copies the questions into the test in the given order.</summary>
    public static void AddQuestions(StudyTest test, IEnumerable<Question> questions) => AddQuestions(test, questions.Select(q => (q, (int?)null)));

    /// <summary>Copies the questions into the test in the given order, each in its pool of a per-person draw.</summary>
    public static void AddQuestions(StudyTest test, IEnumerable<(Question Question, int? Pool)> questions)
    {
        var position = 0;
        foreach (var (q, pool) in questions)
            test.Questions.Add(new TestQuestion
            {
                QuestionId = q.Id, Position = ++position, Pool = pool, Kind = q.Kind, Text = q.Text, Options = q.Options, Answer = q.Answer, Explanation = q.Explanation,
            });
    }
}
