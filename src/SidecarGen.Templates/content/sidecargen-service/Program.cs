using SidecarGen;
using SidecarGenService;

var builder = WebApplication.CreateBuilder(args);
// The logging sidecar ships the *.log files in LogPath; locally (dotnet run) they go to ./logs instead.
builder.Logging.AddProvider(new LogFiles(builder.Configuration["LogFolder"] ?? (builder.Environment.IsDevelopment() ? "logs" : "/var/log/app")));
var app = builder.Build();

// The probes of the Pod and of Compose ask HealthPath (/healthz by default).
app.MapGet("/healthz", () => Results.Ok("healthy"));
app.MapGet("/", () => "Hello from SidecarGenService");

app.Run();

/// <summary>
/// This service's deployment, written by dotnet build into bin/&lt;Configuration&gt;/net10.0/deploy/:
/// the app (named after the project, port 8080, its image tagged with the project's Version) and a
/// Fluent Bit logging sidecar that ships the *.log files LogFiles.cs writes in /var/log/app, rotated
/// (SidecarGen's docs/sidecars/logging.md says how to use Serilog or NLog instead).
/// </summary>
[SidecarService]
[LoggingSidecar(LogPath = "/var/log/app")]
partial class Program;
