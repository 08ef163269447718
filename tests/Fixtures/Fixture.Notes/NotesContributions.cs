using Fixture.Notes.Data;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Fixture.Notes;

public sealed class NotesWidget(NotesDbContext db) : IDashboardWidget
{
    public string ModuleId => NotesModule.Id;
    public string? Permission => NotesModule.ViewPermission;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken)
    {
        var count = await db.Notes.CountAsync(cancellationToken);
        return new WidgetContent(new LocalizedText("工作笔记", "Notes"), "/m/notes")
        {
            Metrics = [new WidgetMetric(new LocalizedText("笔记总数", "Notes"), count.ToString())],
        };
    }
}

public sealed class NotesTodo(NotesDbContext db) : ITodoProvider
{
    public string ModuleId => NotesModule.Id;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken)
    {
        var due = await db.Notes.Where(n => n.DueDate != null).OrderBy(n => n.DueDate).Take(20).ToListAsync(cancellationToken);
        return due.Select(n => new TodoItem("跟进笔记：" + n.Title, $"/m/notes/Edit/{n.Id}", n.DueDate)).ToList();
    }
}

public sealed class NotesSeeder(NotesDbContext db) : IDemoDataSeeder
{
    public string ModuleId => NotesModule.Id;

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        if (await db.Notes.AnyAsync(cancellationToken)) return;
        db.Notes.Add(new Note { Title = "示例笔记", Body = "演示数据", DueDate = new DateOnly(2020, 1, 1) });
        await db.SaveChangesAsync(cancellationToken);
    }
}
