using System.Text.RegularExpressions;

namespace Modular.Host.Operations;

/// <summary>
/// Text for anonymous readers (the health endpoints): a failure reason may quote an exception's message, which can
/// name files or a connection string. Those parts are cut out; the rest says why.
/// </summary>
public static partial class SafeText
{
    private const int MaxLength = 300;

    public static string Redact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var safe = ConnectionStringPart().Replace(text, "…");
        safe = AbsolutePath().Replace(safe, "…");
        return safe.Length <= MaxLength ? safe : safe[..MaxLength] + "…";
    }

    // "Password=x;", "Data Source=/a/b.db", "Host=db;": key=value pairs of a connection string, whatever the key.
    [GeneratedRegex(@"\b(?:data source|datasource|server|host|port|user id|uid|username|user|password|pwd|database|initial catalog|filename|connection string)\s*=\s*[^;\s""'“”]*;?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringPart();

    // "/srv/portal/plugins/x/plugin.json", "C:\portal\x.dll", "\\server\share": up to the next space, quote or Chinese punctuation.
    [GeneratedRegex(@"(?<![\w.~/-])(?:/|[A-Za-z]:[\\/]|\\\\)[^\s""'“”‘’，。；：、（）()]+", RegexOptions.CultureInvariant)]
    private static partial Regex AbsolutePath();
}
