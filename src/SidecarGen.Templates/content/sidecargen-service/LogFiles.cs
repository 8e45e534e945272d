using System.Text;

namespace SidecarGenService;

/// <summary>
/// Writes the app's log lines as files into the folder the logging sidecar ships (<c>LogPath</c>):
/// <c>app.log</c>, moved aside to <c>app.1.log</c> when it reaches <see cref="MaxBytes"/>, so the shared
/// volume never holds more than twice that. The agent reads a moved file to its end before it lets it go.
/// Swap it for Serilog's <c>WriteTo.File</c> or NLog when you want more.
/// </summary>
public sealed class LogFiles(string folder) : ILoggerProvider
{
    private const long MaxBytes = 10 * 1024 * 1024;

    private readonly object gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (gate)
        {
            Directory.CreateDirectory(folder);
            var current = Path.Combine(folder, "app.log");
            if (File.Exists(current) && new FileInfo(current).Length >= MaxBytes)
            {
                File.Move(current, Path.Combine(folder, "app.1.log"), overwrite: true);
            }

            File.AppendAllText(current, line + Environment.NewLine, Encoding.UTF8);
        }
    }

    private sealed class FileLogger(LogFiles files, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                files.Write($"{DateTimeOffset.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception)}");
            }
        }
    }
}
