using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Modular.Tests.Infrastructure;

/// <summary>The portal's last warnings and errors, kept in memory so that a failing test can say what the server saw.</summary>
public sealed class ServerLog : ILoggerProvider
{
    private const int Keep = 30;
    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The kept entries, oldest first.</summary>
    public IReadOnlyList<string> Entries => [.. _entries];

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Keep) _entries.TryDequeue(out _);
    }

    public void Dispose() { }

    private sealed class Logger(ServerLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var text = $"{DateTime.Now:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}";
            if (exception is not null) text += " | " + exception.GetType().Name + ": " + exception.Message;
            log.Add(text);
        }
    }
}
