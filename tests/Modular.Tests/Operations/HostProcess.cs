using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Modular.Tests.Infrastructure;

namespace Modular.Tests.Operations;

/// <summary>The built host (or a tool) run as its own process, as central IT runs it, with its console read line by line.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];

    /// <summary>The build output of a project of this repository, in the tests' configuration (…/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string BuiltDll(string projectFolder, string assemblyName)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(Paths.Root, projectFolder, "bin", configuration, "net10.0", assemblyName + ".dll");
        Assert.True(File.Exists(dll), "Not built: " + dll);
        return dll;
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public HostProcess(string dll, IEnumerable<string> args, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_stdout) _stdout.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Output { get { lock (_stdout) return [.. _stdout]; } }
    public IReadOnlyList<string> Errors { get { lock (_stderr) return [.. _stderr]; } }

    /// <summary>Waits for the process to end by itself; false when it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> ExitedAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { return false; }
        _process.WaitForExit(); // the redirected output is read to its end
        return true;
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Waits until a line matching <paramref name="match"/> was written (the console logger writes in the background).</summary>
    public async Task<bool> WroteAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (Output.Any(match)) return true;
            if (_process.HasExited) return Output.Any(match);
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Ends the process at once, as a power cut or the OOM killer would (on Linux <see cref="Process.Kill()"/> sends SIGKILL): nothing is flushed or disposed.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}
