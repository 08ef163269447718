using Modular.Host.Data;
using Modular.Sdk;

namespace Modular.Host.Oversight;

/// <summary>
/// The demo portal's tasks from the organ work committee: one still being worked on (the first agency reported progress
/// and the committee replied; another agency was pressed), one the first agency closed.
/// </summary>
public static class CommitteeTaskDemoData
{
    public static async Task SeedAsync(HostDbContext db, IReadOnlyList<int> agencyIds, TimeProvider clock, DateOnly today, CancellationToken ct)
    {
        if (agencyIds.Count == 0) return;
        var now = clock.GetUtcNow();
        var first = agencyIds[0];
        var working = new CommitteeTask
        {
            Kind = HigherTaskKind.Task, Title = "报送基层党组织书记抓党建工作述职评议情况",
            Body = "请各单位机关党委组织所属党支部书记开展抓党建工作述职评议，于截止日期前报送述职评议情况和测评汇总表。",
            Deadline = today.AddDays(20), IssuedBy = "gongwei", CreatedAt = now.AddDays(-10),
            Copies = agencyIds.Select(a => new CommitteeTaskCopy { AgencyId = a, State = HigherTaskState.Open }).ToList(),
        };
        var mine = working.Copies[0];
        mine.State = HigherTaskState.InProgress;
        mine.LastProgress = "已完成各党支部书记现场述职，正在汇总民主测评结果。";
        mine.UpdatedAt = now.AddDays(-3);
        mine.Reply = "请将测评汇总表随述职评议情况一并报送。";
        mine.RepliedAt = now.AddDays(-2);
        if (working.Copies.Count > 1)
        {
            working.Copies[1].Reminders = 1;
            working.Copies[1].RemindedAt = now.AddDays(-1);
        }
        var closed = new CommitteeTask
        {
            Kind = HigherTaskKind.Task, Title = "开展“七一”主题党日活动情况自查",
            Body = "请对照主题党日活动要求开展自查，报送自查报告。",
            Deadline = today.AddDays(-10), IssuedBy = "gongwei", CreatedAt = now.AddDays(-30),
            Copies = [new CommitteeTaskCopy { AgencyId = first, State = HigherTaskState.Done, LastProgress = "已完成自查，自查报告已报送工委组织部。", UpdatedAt = now.AddDays(-12) }],
        };
        db.CommitteeTasks.AddRange(closed, working);
        await db.SaveChangesAsync(ct);
    }
}
