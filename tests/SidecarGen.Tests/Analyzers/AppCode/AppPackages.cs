using Microsoft.CodeAnalysis.Testing;

namespace SidecarGen.Tests.Analyzers.AppCode;

/// <summary>
/// The NuGet packages the app-code tests compile against, at the versions the samples and the end-to-end
/// consumer use (Directory.Packages.props), so the rules meet the real symbols.
/// </summary>
internal static class AppPackages
{
    public static readonly PackageIdentity OpenTelemetryHosting = new("OpenTelemetry.Extensions.Hosting", "1.20.1");

    public static readonly PackageIdentity OtlpExporter = new("OpenTelemetry.Exporter.OpenTelemetryProtocol", "1.20.1");

    /// <summary>ASP.NET Core's OpenID Connect and JWT bearer handlers (SCG0035), the .NET 8 line the machine's feed serves.</summary>
    public static readonly PackageIdentity OpenIdConnect = new("Microsoft.AspNetCore.Authentication.OpenIdConnect", "8.0.31");

    public static readonly PackageIdentity JwtBearer = new("Microsoft.AspNetCore.Authentication.JwtBearer", "8.0.31");

    /// <summary>Serilog.Sinks.File 7.0.0 with the Serilog it depends on, named as well: the harness does not bring it in by itself.</summary>
    public static readonly PackageIdentity[] SerilogFile = { new("Serilog.Sinks.File", "7.0.0"), new("Serilog", "4.2.0") };

    /// <summary>Serilog's console sink (SCG0043: a Serilog that writes no file), with the Serilog it depends on.</summary>
    public static readonly PackageIdentity[] SerilogConsole = { new("Serilog.Sinks.Console", "6.0.0"), new("Serilog", "4.2.0") };

    public static readonly PackageIdentity NLog = new("NLog", "5.3.4");
}
