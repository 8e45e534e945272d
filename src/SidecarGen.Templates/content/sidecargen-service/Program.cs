using SidecarGen;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

// The probes of the Pod and of Compose ask HealthPath (/healthz by default).
app.MapGet("/healthz", () => Results.Ok("healthy"));
app.MapGet("/", () => "Hello from SidecarGenService");

app.Run();

/// <summary>
/// This service's deployment, written by dotnet build into bin/&lt;Configuration&gt;/net10.0/deploy/:
/// the app (named after the project, port 8080, its image tagged with the project's Version) and a
/// Fluent Bit logging sidecar that ships the *.log files in /var/log/app: write your logs there as files,
/// rotated (SidecarGen's docs/sidecars/logging.md says how).
/// </summary>
[SidecarService]
[LoggingSidecar(LogPath = "/var/log/app")]
partial class Program;
