using Contoso.Sample.Data;
using Microsoft.EntityFrameworkCore;
using Modular.Sdk;

namespace Contoso.Sample;

/// <summary>The dashboard card: how many records the agency has, linking to the list.</summary>
public sealed class SampleWidget(SampleDbContext db) : IDashboardWidget
{
    public string ModuleId => SampleModule.Id;
    public string? Permission => SampleModule.ViewPermission;

    public async Task<WidgetContent?> GetContentAsync(CancellationToken cancellationToken) =>
        new(new LocalizedText("示例记录", "Sample records"), $"/m/{SampleModule.Id}")
        {
            Metrics = [new(new LocalizedText("记录", "Records"), (await db.Records.CountAsync(cancellationToken)).ToString())],
        };
}

/// <summary>A to-do for those who add records, while the agency has none.</summary>
public sealed class SampleTodo(SampleDbContext db, IPermissionChecker permissions) : ITodoProvider
{
    public string ModuleId => SampleModule.Id;

    public async Task<IReadOnlyList<TodoItem>> GetItemsAsync(CancellationToken cancellationToken) =>
        permissions.IsGranted(SampleModule.EditPermission) && !await db.Records.AnyAsync(cancellationToken)
            ? [new TodoItem("登记第一条记录", $"/m/{SampleModule.Id}")]
            : [];
}

/// <summary>Demo data for one agency (Development only); the portal sets the agency before calling.</summary>
public sealed class SampleSeeder(SampleDbContext db) : IDemoDataSeeder
{
    public string ModuleId => SampleModule.Id;

    public async Task SeedAsync(int seed, CancellationToken cancellationToken)
    {
        if (await db.Records.AnyAsync(cancellationToken)) return;
        string[] titles = ["学习党章党规", "主题党日活动准备", "党费收缴情况"];
        foreach (var title in titles.Take(1 + seed % titles.Length)) db.Records.Add(new SampleRecord { Title = title });
        await db.SaveChangesAsync(cancellationToken);
    }
}
