using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mainstay.Web.Tests.Hosting;

/// <summary>A log provider that keeps every entry, so a test can read what the server logged.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string EventName, string Message);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IReadOnlyList<Entry> Security(string eventName) =>
        [.. _entries.Where(e => e.Category == Mainstay.Web.Hosting.SecurityLog.Category && e.EventName == eventName)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, eventId.Name ?? "", formatter(state, exception)));
    }
}
