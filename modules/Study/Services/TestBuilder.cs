namespace Modular.Modules.Study.Services;

/// <summary>Makes a test: checks the form, copies the chosen or drawn questions into it (the bank may change later; the test does not).</summary>
public sealed class TestBuilder(StudyDbContext db, IDirectory directory, IAgencyClock clock)
{
    /// <param name="OrganizationIds">Organisations whose Party members take it.</param>
    /// <param name="MemberIds">People who take it.</param>
    public sealed record Form(string? Title, string? Description, DateTime? Opens, DateTime? Closes, int? DurationMinutes, int? PassMark, bool ClosedBook,
        bool IntegrityKnowledge, Selection Selection, IReadOnlyCollection<int> QuestionIds, string? DrawCategory, int? DrawCount,
        bool WholeAgency, IReadOnlyCollection<int> OrganizationIds, IReadOnlyCollection<int> MemberIds);

    public async Task<(StudyTest? Test, List<Problem> Problems)> CreateAsync(Form form, CancellationToken ct)
    {
        // Only this agency's questions, organisations and people count: anything else posted is dropped before the rules see it.
        var chosen = form.Selection == Selection.Chosen && form.QuestionIds.Count > 0
            ? await db.Questions.AsNoTracking().Where(q => form.QuestionIds.Contains(q.Id)).ToListAsync(ct)
            : [];
        var category = string.IsNullOrWhiteSpace(form.DrawCategory) ? null : form.DrawCategory.Trim();
        var pool = db.Questions.AsNoTracking().Where(q => category == null || q.Category == category);
        var available = form.Selection == Selection.Random ? await pool.CountAsync(ct) : 0;
        var orgIds = (await directory.GetOrganizationsAsync(ct)).Select(o => o.Id).ToHashSet();
        var orgs = form.OrganizationIds.Where(orgIds.Contains).Distinct().ToList();
        var people = form.MemberIds.Count == 0 ? [] : (await directory.GetMembersAsync(form.MemberIds.ToHashSet(), ct)).Where(m => m.IsPartyMember).Select(m => m.Id).ToList();
        var problems = TestRules.Check(new TestRules.Input(form.Title, form.Description, form.Opens, form.Closes, form.DurationMinutes, form.PassMark, form.Selection,
            chosen.Select(q => q.Id).ToList(), form.DrawCount, available, form.WholeAgency, orgs.Count, people.Count));
        if (problems.Count > 0) return (null, problems);
        List<Question> questions;
        if (form.Selection == Selection.Chosen) questions = form.QuestionIds.Distinct().Select(id => chosen.FirstOrDefault(q => q.Id == id)).OfType<Question>().ToList();
        else
        {
            var drawn = (await pool.Select(q => q.Id).ToListAsync(ct)).OrderBy(_ => Random.Shared.Next()).Take(form.DrawCount!.Value).ToList();
            questions = await db.Questions.AsNoTracking().Where(q => drawn.Contains(q.Id)).OrderBy(q => q.Id).ToListAsync(ct);
        }
        var test = new StudyTest
        {
            Title = form.Title!.Trim(), Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim(),
            Selection = form.Selection, DrawCategory = form.Selection == Selection.Random ? category : null, DrawCount = form.Selection == Selection.Random ? form.DrawCount : null,
            Opens = form.Opens!.Value, Closes = form.Closes!.Value, DurationMinutes = form.DurationMinutes!.Value, PassMark = form.PassMark!.Value,
            ClosedBook = form.ClosedBook, IntegrityKnowledge = form.IntegrityKnowledge, WholeAgency = form.WholeAgency,
            OrganizationIds = form.WholeAgency ? "" : Ids.Join(orgs), MemberIds = form.WholeAgency ? "" : Ids.Join(people), CreatedAt = clock.LocalNow,
        };
        AddQuestions(test, questions);
        db.Tests.Add(test);
        await db.SaveChangesAsync(ct);
        return (test, problems);
    }

    /// <summary>Copies the questions into the test in the given order.</summary>
    public static void AddQuestions(StudyTest test, IEnumerable<Question> questions)
    {
        var position = 0;
        foreach (var q in questions)
            test.Questions.Add(new TestQuestion
            {
                QuestionId = q.Id, Position = ++position, Kind = q.Kind, Text = q.Text, Options = q.Options, Answer = q.Answer, Explanation = q.Explanation,
            });
    }
}
