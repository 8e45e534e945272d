using System.Collections.Concurrent;
using System.Text.Json;

namespace OrderService.Logging;

/// <summary>
/// Writes one JSON object per log entry to <c>app.log</c> in the shared log folder, the format the
/// logging sidecar ships. When the folder is not writable (running outside a container), it logs
/// nothing and the console logger still works.
/// </summary>
public sealed class JsonLinesLoggerProvider : ILoggerProvider
{
    private readonly StreamWriter? writer;
    private readonly ConcurrentDictionary<string, JsonLinesLogger> loggers = new();
    private readonly Lock gate = new();

    public JsonLinesLoggerProvider(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            writer = new StreamWriter(Path.Combine(directory, "app.log"), append: true) { AutoFlush = true };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            writer = null;
        }
    }

    public ILogger CreateLogger(string categoryName) => loggers.GetOrAdd(categoryName, name => new JsonLinesLogger(name, this));

    public void Dispose() => writer?.Dispose();

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        if (writer is null)
        {
            return;
        }

        var line = JsonSerializer.Serialize(new
        {
            time = DateTimeOffset.UtcNow,
            level = level.ToString(),
            category,
            message,
            exception = exception?.ToString(),
        });
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }

    private sealed class JsonLinesLogger(string category, JsonLinesLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && provider.writer is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}

/// <summary>Registers <see cref="JsonLinesLoggerProvider"/>.</summary>
public static class JsonLinesLoggingExtensions
{
    public static ILoggingBuilder AddJsonLines(this ILoggingBuilder logging, string directory)
    {
        logging.AddProvider(new JsonLinesLoggerProvider(directory));
        return logging;
    }
}
