using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Modular.Tests.Infrastructure;

/// <summary>The portal's last warnings and errors, kept in memory so that a failing test can say what the server saw.</summary>
public sealed class ServerLog : ILoggerProvider
{
    private const int Keep = 30;
    private readonly ConcurrentQueue<Record> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The kept entries, oldest first.</summary>
    public IReadOnlyList<string> Entries => [.. _entries.Select(e => e.Text)];

    /// <summary>The kept entries with the trace id of the request (Activity) they were logged in, if any.</summary>
    public IReadOnlyList<Record> Records => [.. _entries];

    public sealed record Record(LogLevel Level, string Category, string Text, string? TraceId);

    private void Add(Record entry)
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
            log.Add(new Record(logLevel, category, text, Activity.Current?.TraceId.ToHexString()));
        }
    }
}
