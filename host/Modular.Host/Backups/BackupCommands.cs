using System.CommandLine;
using Modular.Host.Data;

namespace Modular.Host.Backups;

/// <summary>
/// The host's own commands, read before any web app is built: <c>backup --to &lt;file&gt;</c> and
/// <c>restore --from &lt;file&gt;</c>. Arguments they do not know (<c>--Modular:ConnectionString=…</c>,
/// <c>--environment</c>…) configure the portal as they would at a start. Exit code 0 on success, 1 when refused or failed,
/// 2 for a wrong command line.
/// </summary>
public static class BackupCommands
{
    public static bool IsCommand(string[] args) => args is [("backup" or "restore" or "help" or "--help" or "-h" or "-?"), ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        var console = new BackupConsole(output, errors);
        var to = new Option<string>("--to") { Description = "备份文件（zip）/ the backup file (zip) to write", Required = true };
        var backup = new Command("backup", "备份门户的全部数据（SQLite，门户运行时也可）/ back up all the portal keeps (SQLite; while it runs too)") { to };
        backup.TreatUnmatchedTokensAsErrors = false;
        backup.SetAction((result, token) => Guarded(console, () => BackupAsync(result.GetValue(to)!, [.. result.UnmatchedTokens], console, token)));

        var from = new Option<string>("--from") { Description = "备份文件 / the backup file to restore", Required = true };
        var force = new Option<bool>("--force-other-portal") { Description = "允许恢复另一门户的备份（替换本门户的数据）/ accept another portal's backup (replaces this portal's data)" };
        var restore = new Command("restore", "从备份恢复（须先停止门户）/ restore from a backup (stop the portal first)") { from, force };
        restore.TreatUnmatchedTokensAsErrors = false;
        restore.SetAction((result, token) => Guarded(console,
            () => new PortalRestore(console).RunAsync(result.GetValue(from)!, result.GetValue(force), [.. result.UnmatchedTokens], token)));

        var root = new RootCommand("Modular 门户 / portal — 不带命令时启动门户 / without a command the portal starts.\n" +
            "其余参数按启动时的配置读取，例如 / other arguments configure as at a start, e.g. --Modular:ConnectionString=\"Data Source=/srv/modular/modular.db\"")
        {
            backup, restore,
        };
        var parsed = root.Parse(args is ["help", .. var rest] ? ["--help", .. rest] : args);
        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors }, ct);
        // A wrong command line: the parser printed why.
        return parsed.Errors.Count > 0 ? 2 : exit;
    }

    private static async Task BackupAsync(string file, string[] hostArgs, BackupConsole console, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(hostArgs);
        var options = builder.Configuration.GetSection("Modular").Get<ModularOptions>() ?? new ModularOptions();
        var database = options.ResolveDatabase(builder.Environment.ContentRootPath);
        var manifest = await BackupArchive.CreateAsync(database, file, BackupService.Outside(builder.Configuration), TimeProvider.System, ct);
        var size = new FileInfo(file).Length;
        console.Say($"备份完成：{Path.GetFullPath(file)}（{size / 1024.0:0.0} KB，门户 {manifest.PortalId}，{manifest.Migrations.Count} 个迁移历史表）",
            $"Backup written: {Path.GetFullPath(file)} ({size / 1024.0:0.0} KB, portal {manifest.PortalId}, {manifest.Migrations.Count} migration history tables)");
        foreach (var note in manifest.Outside) console.Say("备份不含（请另行保管）：" + note, "Not in the backup (keep it elsewhere): " + note);
    }

    /// <summary>Runs a command; a refusal or failure prints its reason and exits 1.</summary>
    private static async Task<int> Guarded(BackupConsole console, Func<Task> work)
    {
        try
        {
            await work();
            return 0;
        }
        catch (BackupException ex)
        {
            console.Fail(ex.Chinese, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            console.Fail("操作失败：" + ex.Message, "Failed: " + ex.Message);
        }
        return 1;
    }
}
