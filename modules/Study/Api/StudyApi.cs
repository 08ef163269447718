using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Modular.Modules.Study.Api;

/// <summary>The module's API under /m/study/api. A test or question of another agency answers 404, as the pages do.</summary>
public static class StudyApi
{
    public static void Map(IEndpointRouteBuilder api)
    {
        // The taker's own attempt: what is saved so far, for a page that resumes.
        api.MapGet("/tests/{id:int}/attempt", async (int id, TestTaking taking, CancellationToken ct) =>
        {
            if (await taking.TestForMeAsync(id, ct) is null || await taking.MineAsync(id, ct) is not { } a) return Results.NotFound();
            return Results.Ok(new
            {
                a.Id, a.StartedAt, a.DueAt, a.SubmittedAt, a.AutoSubmitted,
                Answers = a.Answers.OrderBy(x => x.TestQuestionId).Select(x => new { QuestionId = x.TestQuestionId, x.Value }),
            });
        }).RequirePermission(StudyModule.ViewPermission);
        api.MapGet("/tests", async (StudyDbContext db, CancellationToken ct) =>
            Results.Ok(await db.Tests.AsNoTracking().OrderByDescending(t => t.Opens).Take(200)
                .Select(t => new { t.Id, t.Title, t.Opens, t.Closes, t.DurationMinutes, t.PassMark, t.ClosedBook, t.IntegrityKnowledge, Questions = t.Questions.Count }).ToListAsync(ct)))
            .RequirePermission(StudyModule.ManagePermission);
        api.MapGet("/tests/{id:int}/results", async (int id, TestResults results, CancellationToken ct) =>
            await results.ReportAsync(id, ct) is { } r
                ? Results.Ok(new
                {
                    r.Test.Id, r.Test.Title, Expected = r.Takers.Count, r.Taken, r.Passed,
                    Takers = r.Takers.Select(t => new { t.MemberId, t.Name, Submitted = t.Attempt?.SubmittedAt is not null, t.Attempt?.Correct, t.Attempt?.Total, t.Attempt?.Passed }),
                    Hardest = r.Hardest.Select(h => new { h.QuestionId, h.Text, h.Answered, h.Wrong }),
                })
                : Results.NotFound())
            .RequirePermission(StudyModule.ManagePermission);
        api.MapGet("/tests/{id:int}/results.xlsx", async (int id, TestResults results, CancellationToken ct) =>
            await results.ReportAsync(id, ct) is { } r ? Results.File(TestResults.Export(r), ExcelSheet.ContentType, "测试成绩.xlsx") : Results.NotFound())
            .RequirePermission(StudyModule.ManagePermission);
        // A session's material file: the session must be this agency's and the file that session's.
        api.MapGet("/sessions/{id:int}/materials/{file:int}", async (int id, int file, StudyDbContext db, SessionMaterials materials, CancellationToken ct) =>
            await db.Sessions.AsNoTracking().AnyAsync(s => s.Id == id, ct) && await materials.OpenAsync(id, file, ct) is { } content ? content.ToDownload() : Results.NotFound())
            .RequirePermission(StudyModule.ViewPermission);
        api.MapGet("/questions.xlsx", async (string? category, QuestionBank bank, CancellationToken ct) =>
            Results.File(await bank.ExportAsync(category, ct), ExcelSheet.ContentType, "题库.xlsx"))
            .RequirePermission(StudyModule.ManagePermission);
    }
}
