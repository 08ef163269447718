namespace Modular.Host.Backups;

/// <summary>The commands' console: each line in Chinese, then in English, for operators of either.</summary>
public sealed class BackupConsole(TextWriter output, TextWriter errors)
{
    public void Say(string chinese, string english)
    {
        output.WriteLine(chinese);
        output.WriteLine("  " + english);
    }

    public void Fail(string chinese, string english)
    {
        errors.WriteLine("错误：" + chinese);
        errors.WriteLine("  Error: " + english);
    }
}
