using System.Security.Cryptography;

namespace Modular.Modules.Study.Services;

/// <summary>What became of a taker's request.</summary>
public enum TakeOutcome
{
    /// <summary>No such test for this person (another agency's, or not one of its takers): answered as 404.</summary>
    NotFound,
    NotOpen,
    Closed,
    Started,
    Saved,
    /// <summary>Not an answer of the question's kind (a letter beyond the options, say).</summary>
    Invalid,
    /// <summary>Time was up: the attempt has been submitted as it stood.</summary>
    TimeUp,
    Submitted,
}

/// <summary>One question as a taker sees it: their order of its options, each with its stored letter (the value posted) and the letter shown.</summary>
public sealed record ShownQuestion(int Id, int Number, QuestionKind Kind, string Text, IReadOnlyList<ShownOption> Options);

/// <summary>An option as shown: <see cref="Letter"/> is what the taker reads, <see cref="Value"/> the stored letter they answer with.</summary>
public sealed record ShownOption(string Letter, string Value, string Text);

/// <summary>
/// Taking a test: one attempt a person, started in the window; answers saved one by one as given (a reload or a dropped
/// connection resumes where it stopped); submitted by the taker, or at the end of the duration or of the window on the
/// next request and by <see cref="AutoSubmitJob"/>; graded at once.
/// </summary>
public sealed class TestTaking(StudyDbContext db, StudyAccess access, IAgencyClock clock)
{
    /// <summary>The test if the current user takes it; null otherwise (another agency's id, or not a taker).</summary>
    public async Task<StudyTest?> TestForMeAsync(int testId, CancellationToken ct)
    {
        var test = await db.Tests.AsNoTracking().FirstOrDefaultAsync(t => t.Id == testId, ct);
        if (test is null || await access.MeAsync(ct) is not { } me || !await access.TakesAsync(test, me.Id, ct)) return null;
        return test;
    }

    /// <summary>The current user's attempt at the test with its answers (tracked), submitted first if its time is up; null if none.</summary>
    public async Task<Attempt?> MineAsync(int testId, CancellationToken ct)
    {
        if (await access.MeAsync(ct) is not { } me) return null;
        var attempt = await db.Attempts.Include(a => a.Answers).FirstOrDefaultAsync(a => a.TestId == testId && a.MemberId == me.Id, ct);
        if (attempt is { SubmittedAt: null } && TestWindow.IsOver(attempt.DueAt, clock.LocalNow)) await FinishAsync(attempt, auto: true, ct);
        return attempt;
    }

    /// <summary>Starts the current user's attempt, or finds the one started.</summary>
    public async Task<(TakeOutcome Outcome, Attempt? Attempt)> StartAsync(int testId, CancellationToken ct)
    {
        if (await TestForMeAsync(testId, ct) is not { } test) return (TakeOutcome.NotFound, null);
        if (await MineAsync(testId, ct) is { } existing) return (existing.SubmittedAt is null ? TakeOutcome.Started : TakeOutcome.Submitted, existing);
        var now = clock.LocalNow;
        switch (TestWindow.State(test.Opens, test.Closes, now))
        {
            case TestState.NotOpen: return (TakeOutcome.NotOpen, null);
            case TestState.Closed: return (TakeOutcome.Closed, null);
        }
        var me = (await access.MeAsync(ct))!;
        var attempt = new Attempt
        {
            TestId = test.Id, MemberId = me.Id, Seed = RandomNumberGenerator.GetInt32(int.MaxValue), StartedAt = now,
            DueAt = TestWindow.DueAt(now, test.DurationMinutes, test.Closes),
        };
        attempt.Total = test.DrawPerPerson ? (await AskedAsync(test.Id, attempt.Seed, ct)).Count : await db.TestQuestions.CountAsync(q => q.TestId == test.Id, ct);
        db.Attempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two starts at once (a double tap): the unique index kept one; resume it.
            db.ChangeTracker.Clear();
            return await MineAsync(testId, ct) is { } other ? (TakeOutcome.Started, other) : (TakeOutcome.NotFound, null);
        }
        return (TakeOutcome.Started, attempt);
    }

    /// <summary>The test's questions in the attempt's order, each with its options in the attempt's order.</summary>
    public async Task<IReadOnlyList<ShownQuestion>> QuestionsAsync(Attempt attempt, CancellationToken ct) =>
        Show(await AskedAsync(attempt.TestId, attempt.Seed, ct), attempt.Seed);

    /// <summary>The questions the taker with <paramref name="seed"/> is asked, in the test's order (see <see cref="Asked"/>).</summary>
    public async Task<IReadOnlyList<TestQuestion>> AskedAsync(int testId, int seed, CancellationToken ct)
    {
        var questions = await db.TestQuestions.AsNoTracking().Where(q => q.TestId == testId).OrderBy(q => q.Position).ToListAsync(ct);
        if (questions.All(q => q.Pool is null)) return questions;
        var spec = await db.Tests.AsNoTracking().Where(t => t.Id == testId).Select(t => t.DrawSpec).FirstAsync(ct);
        return Asked(questions, DrawRules.Parse(spec), seed);
    }

    /// <summary>
    /// The questions a taker with <paramref name="seed"/> is asked: all of the test's, or for a per-person draw (questions in
    /// pools) their own pick of each pool, in the test's order.
    /// </summary>
    public static IReadOnlyList<TestQuestion> Asked(IReadOnlyList<TestQuestion> questions, IReadOnlyList<DrawRules.Line> lines, int seed) =>
        DrawRules.Asked(questions, q => q.Pool, q => q.Position, lines, seed);

    public static IReadOnlyList<ShownQuestion> Show(IReadOnlyList<TestQuestion> questions, int seed)
    {
        var shown = new List<ShownQuestion>();
        var number = 0;
        foreach (var q in Shuffle.Apply(questions, seed))
        {
            var options = Answers.Options(q.Options);
            var order = q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice ? Shuffle.Order(seed, options.Count, q.Id) : [];
            var list = order.Select((original, i) => new ShownOption(Answers.Letters[i].ToString(), Answers.Letters[original].ToString(), options[original])).ToList();
            shown.Add(new ShownQuestion(q.Id, ++number, q.Kind, q.Text, list));
        }
        return shown;
    }

    /// <summary>Saves one answer as given (an empty one clears it).</summary>
    public async Task<TakeOutcome> SaveAsync(int testId, int questionId, string? value, CancellationToken ct)
    {
        // An attempt of one's own (this agency's, started as a taker) is the right to answer: no second look at the takers.
        if (await MineAsync(testId, ct) is not { } attempt) return TakeOutcome.NotFound;
        if (attempt.SubmittedAt is not null) return attempt.AutoSubmitted ? TakeOutcome.TimeUp : TakeOutcome.Submitted;
        var question = await db.TestQuestions.AsNoTracking().FirstOrDefaultAsync(q => q.Id == questionId && q.TestId == testId, ct);
        if (question is null) return TakeOutcome.NotFound;
        // A per-person draw: a question of the pools that this taker was not given is not theirs to answer.
        if (question.Pool is not null && (await AskedAsync(testId, attempt.Seed, ct)).All(q => q.Id != question.Id)) return TakeOutcome.NotFound;
        var outcome = Put(attempt, question, value);
        if (outcome != TakeOutcome.Saved) return outcome;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same question saved twice at once from two tabs: the other write won; write this one over it.
            db.ChangeTracker.Clear();
            var again = await db.Attempts.Include(a => a.Answers).FirstAsync(a => a.Id == attempt.Id, ct);
            Put(again, question, value);
            await db.SaveChangesAsync(ct);
        }
        return TakeOutcome.Saved;
    }

    private TakeOutcome Put(Attempt attempt, TestQuestion question, string? value)
    {
        var existing = attempt.Answers.FirstOrDefault(a => a.TestQuestionId == question.Id);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (existing is not null) { attempt.Answers.Remove(existing); db.Answers.Remove(existing); }
            return TakeOutcome.Saved;
        }
        var normal = Answers.Normalize(question.Kind, value, Math.Max(1, Answers.Options(question.Options).Count));
        if (normal is null || normal.Length > QuestionRules.MaxAnswer) return TakeOutcome.Invalid;
        // The same answer again (the form sent whole on submit): nothing to write.
        if (existing?.Value == normal) return TakeOutcome.Saved;
        if (existing is null) attempt.Answers.Add(existing = new AttemptAnswer { TestQuestionId = question.Id });
        existing.Value = normal;
        existing.SavedAt = clock.LocalNow;
        return TakeOutcome.Saved;
    }

    /// <summary>
    /// The taker submits, with the answers on the form (all of them, from a page without script; those already saved are
    /// not written again, one that is no answer is left as it was): graded at once, in one write.
    /// </summary>
    public async Task<(TakeOutcome Outcome, Attempt? Attempt)> SubmitAsync(int testId, IReadOnlyDictionary<int, string?> given, CancellationToken ct)
    {
        if (await MineAsync(testId, ct) is not { } attempt) return (TakeOutcome.NotFound, null);
        if (attempt.SubmittedAt is not null) return (TakeOutcome.Submitted, attempt);
        if (given.Count > 0)
        {
            var questions = (await AskedAsync(testId, attempt.Seed, ct)).ToDictionary(q => q.Id);
            foreach (var (id, value) in given)
                if (questions.TryGetValue(id, out var question)) Put(attempt, question, value);
        }
        await FinishAsync(attempt, auto: false, ct);
        return (TakeOutcome.Submitted, attempt);
    }

    /// <summary>The page of a closed-book test was left (noted on the result, never blocking).</summary>
    public async Task<TakeOutcome> LeftPageAsync(int testId, CancellationToken ct)
    {
        if (await MineAsync(testId, ct) is not { } attempt) return TakeOutcome.NotFound;
        var closedBook = await db.Tests.Where(t => t.Id == testId).Select(t => t.ClosedBook).FirstOrDefaultAsync(ct);
        if (attempt.SubmittedAt is not null || !closedBook) return TakeOutcome.Submitted;
        await db.Attempts.Where(a => a.Id == attempt.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.LeftPage, a => a.LeftPage + 1), ct);
        return TakeOutcome.Saved;
    }

    /// <summary>Grades and closes an attempt (tracked, with its answers).</summary>
    public async Task FinishAsync(Attempt attempt, bool auto, CancellationToken ct)
    {
        var keys = (await AskedAsync(attempt.TestId, attempt.Seed, ct)).ToDictionary(q => q.Id);
        foreach (var a in attempt.Answers)
            a.Correct = keys.TryGetValue(a.TestQuestionId, out var k) && Answers.IsCorrect(k.Kind, k.Answer, a.Value);
        var test = await db.Tests.AsNoTracking().Where(t => t.Id == attempt.TestId).Select(t => new { t.PassMark }).FirstAsync(ct);
        attempt.Total = keys.Count;
        attempt.Correct = attempt.Answers.Count(a => a.Correct == true);
        attempt.Score = Answers.Score(attempt.Correct, attempt.Total);
        attempt.Passed = Answers.Passed(attempt.Score, test.PassMark);
        attempt.AutoSubmitted = auto;
        attempt.SubmittedAt = auto ? attempt.DueAt : clock.LocalNow;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Submits every attempt of the agency whose time is up (the scheduled job); returns how many.</summary>
    public async Task<int> FinishOverdueAsync(DateTime now, CancellationToken ct)
    {
        var cutoff = now - TestWindow.Grace;
        var overdue = await db.Attempts.Include(a => a.Answers).Where(a => a.SubmittedAt == null && a.DueAt < cutoff).Take(500).ToListAsync(ct);
        foreach (var a in overdue) await FinishAsync(a, auto: true, ct);
        return overdue.Count;
    }
}

/// <summary>Submits attempts whose time is up even when their taker never comes back (the result and the office's figures are then right).</summary>
public sealed class AutoSubmitJob(TestTaking taking, IAgencyClock clock) : IScheduledJob
{
    public string ModuleId => StudyModule.Id;
    public string Name => "auto-submit";

    public Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        taking.FinishOverdueAsync(clock.ToLocal(now).DateTime, cancellationToken);
}
