namespace SidecarGen.Diagnostics.AppCode;

/// <summary>
/// Metadata names of the framework types the app-code rules recognize, each written once. Checked
/// against the reference assemblies of Microsoft.AspNetCore.App.Ref 8.0 and Microsoft.Extensions.*.
/// </summary>
internal static class WellKnownTypes
{
    // ASP.NET Core hosting and the app's pipeline.
    public const string ApplicationBuilder = "Microsoft.AspNetCore.Builder.IApplicationBuilder";
    public const string WebApplication = "Microsoft.AspNetCore.Builder.WebApplication";
    public const string WebHostBuilder = "Microsoft.AspNetCore.Hosting.IWebHostBuilder";
    public const string HostingAbstractionsWebHostBuilderExtensions = "Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions";
    public const string HostingEnvironmentExtensions = "Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions";

    // Kestrel.
    public const string KestrelServerOptions = "Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions";
    public const string ListenOptions = "Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions";
    public const string WebHostBuilderKestrelExtensions = "Microsoft.AspNetCore.Hosting.WebHostBuilderKestrelExtensions";
    public const string IPAddress = "System.Net.IPAddress";

    // Routing and endpoints.
    public const string EndpointRouteBuilder = "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder";
    public const string EndpointRouteBuilderExtensions = "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions";
    public const string HealthCheckEndpointRouteBuilderExtensions = "Microsoft.AspNetCore.Builder.HealthCheckEndpointRouteBuilderExtensions";
    public const string HealthCheckApplicationBuilderExtensions = "Microsoft.AspNetCore.Builder.HealthCheckApplicationBuilderExtensions";
    public const string ControllerEndpointRouteBuilderExtensions = "Microsoft.AspNetCore.Builder.ControllerEndpointRouteBuilderExtensions";
    public const string RouteTemplateProvider = "Microsoft.AspNetCore.Mvc.Routing.IRouteTemplateProvider";
    public const string ActionHttpMethodProvider = "Microsoft.AspNetCore.Mvc.Routing.IActionHttpMethodProvider";
    public const string ControllerBase = "Microsoft.AspNetCore.Mvc.ControllerBase";
    public const string Controller = "Microsoft.AspNetCore.Mvc.Controller";
    public const string ControllerAttribute = "Microsoft.AspNetCore.Mvc.ControllerAttribute";
    public const string NonControllerAttribute = "Microsoft.AspNetCore.Mvc.NonControllerAttribute";
    public const string NonActionAttribute = "Microsoft.AspNetCore.Mvc.NonActionAttribute";

    // Microsoft.Extensions.*.
    public const string HostEnvironmentEnvExtensions = "Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions";
    public const string Configuration = "Microsoft.Extensions.Configuration.IConfiguration";
    public const string HttpClientFactoryServiceCollectionExtensions = "Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions";

    // Behind a proxy sidecar (SCG0031): the app's HTTPS middleware, the forwarded headers, and the hosts with and without web defaults.
    public const string HttpsPolicyBuilderExtensions = "Microsoft.AspNetCore.Builder.HttpsPolicyBuilderExtensions";
    public const string HstsBuilderExtensions = "Microsoft.AspNetCore.Builder.HstsBuilderExtensions";
    public const string ForwardedHeadersExtensions = "Microsoft.AspNetCore.Builder.ForwardedHeadersExtensions";
    public const string WebHost = "Microsoft.AspNetCore.WebHost";
    public const string WebHostBuilderClass = "Microsoft.AspNetCore.Hosting.WebHostBuilder";
    public const string GenericHostBuilderExtensions = "Microsoft.Extensions.Hosting.GenericHostBuilderExtensions";
    public const string GenericHostWebHostBuilderExtensions = "Microsoft.Extensions.Hosting.GenericHostWebHostBuilderExtensions";

    // OpenTelemetry's OTLP exporter (SCG0032): a type of its assembly, and the assembly's name.
    public const string OtlpExporterOptions = "OpenTelemetry.Exporter.OtlpExporterOptions";
    public const string OtlpExporterAssembly = "OpenTelemetry.Exporter.OpenTelemetryProtocol";

    // Serilog's file sink (SCG0033), Serilog.Sinks.File.
    public const string SerilogFileSinkExtensions = "Serilog.FileLoggerConfigurationExtensions";

    // The app's own interactive login (SCG0035): the handlers that redirect a browser to log in, and the schemes' defaults.
    public const string AuthenticationServiceCollectionExtensions = "Microsoft.Extensions.DependencyInjection.AuthenticationServiceCollectionExtensions";
    public const string CookieExtensions = "Microsoft.Extensions.DependencyInjection.CookieExtensions";
    public const string OpenIdConnectExtensions = "Microsoft.Extensions.DependencyInjection.OpenIdConnectExtensions";
    public const string WsFederationExtensions = "Microsoft.Extensions.DependencyInjection.WsFederationExtensions";
    public const string OAuthExtensions = "Microsoft.Extensions.DependencyInjection.OAuthExtensions";
    // Microsoft.Identity.Web's web-app logins (OpenID Connect underneath), known by their assembly and names.
    public const string IdentityWebAssembly = "Microsoft.Identity.Web";

    // What may write the app's log files (SCG0043): its logger providers, Serilog's sinks, and System.IO's file writers.
    public const string LoggerProvider = "Microsoft.Extensions.Logging.ILoggerProvider";
    public const string SerilogSink = "Serilog.Core.ILogEventSink";
    public const string File = "System.IO.File";
    public const string FileStream = "System.IO.FileStream";
    public const string StreamWriter = "System.IO.StreamWriter";
    public const string FileInfo = "System.IO.FileInfo";

    // Configuration files (SCG0034): the sources that read a file or folder, and the builder they add to.
    public const string ConfigurationBuilder = "Microsoft.Extensions.Configuration.IConfigurationBuilder";
    public const string JsonConfigurationExtensions = "Microsoft.Extensions.Configuration.JsonConfigurationExtensions";
    public const string KeyPerFileConfigurationExtensions = "Microsoft.Extensions.Configuration.KeyPerFileConfigurationBuilderExtensions";
    public const string IniConfigurationExtensions = "Microsoft.Extensions.Configuration.IniConfigurationExtensions";
    public const string XmlConfigurationExtensions = "Microsoft.Extensions.Configuration.XmlConfigurationExtensions";

    // The base library.
    public const string Uri = "System.Uri";
    public const string HttpClient = "System.Net.Http.HttpClient";
    public const string HttpRequestMessage = "System.Net.Http.HttpRequestMessage";
    public const string Environment = "System.Environment";
}
