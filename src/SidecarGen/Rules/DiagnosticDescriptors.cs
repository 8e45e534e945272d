using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SidecarGen.Rules;

/// <summary>Every SidecarGen diagnostic, in one place (SPEC §5).</summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "SidecarGen";

    public static readonly DiagnosticDescriptor SeveralConcerns = Warning(RuleIds.SeveralConcerns, "A sidecar has more than one concern", "{0}");
    public static readonly DiagnosticDescriptor DomainType = Warning(RuleIds.DomainType, "A sidecar references a domain type", "{0}");
    public static readonly DiagnosticDescriptor PortCollision = Error(RuleIds.PortCollision, "Two containers of the Pod use the same port", "{0}");
    public static readonly DiagnosticDescriptor DuplicateConcern = Warning(RuleIds.DuplicateConcern, "Two sidecars share a concern", "{0}");
    public static readonly DiagnosticDescriptor UnpinnedImage = Warning(RuleIds.UnpinnedImage, "An image is not pinned to a version", "{0}");
    public static readonly DiagnosticDescriptor InvalidQuantity = Error(RuleIds.InvalidQuantity, "Invalid CPU or memory quantity", "{0}");
    public static readonly DiagnosticDescriptor InvalidName = Error(RuleIds.InvalidName, "Invalid or duplicate name", "{0}");
    public static readonly DiagnosticDescriptor NotEntryPoint = Warning(RuleIds.NotEntryPoint, "Sidecar attributes on a class that is not the entry point", "{0}");
    public static readonly DiagnosticDescriptor PortOutOfRange = Error(RuleIds.PortOutOfRange, "Port outside 1-65535", "{0}");
    public static readonly DiagnosticDescriptor SidecarsOutweighApp = Warning(RuleIds.SidecarsOutweighApp, "Sidecars request more resources than the app", "{0}");
    public static readonly DiagnosticDescriptor SecretInSource = Error(RuleIds.SecretInSource, "A secret is written in source", "{0}");
    public static readonly DiagnosticDescriptor Privileged = Warning(RuleIds.Privileged, "A sidecar needs privileges outside the restricted profile", "{0}");
    public static readonly DiagnosticDescriptor InvalidUrl = Error(RuleIds.InvalidUrl, "Missing or invalid URL", "{0}");
    public static readonly DiagnosticDescriptor NoNativeSidecars = Info(RuleIds.NoNativeSidecars, "No native sidecars before Kubernetes 1.29", "{0}");

    // Found only once the whole compilation has been seen, so reported at its end.
    public static readonly DiagnosticDescriptor SeveralServices = new(
        RuleIds.SeveralServices,
        "More than one [SidecarService] in a project",
        "{0}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinks.For(RuleIds.SeveralServices),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor CannotRender = Error(RuleIds.CannotRender, "SidecarGen cannot render this setting", "{0}");
    public static readonly DiagnosticDescriptor IgnoredSetting = Warning(RuleIds.IgnoredSetting, "A setting has no effect with the chosen provider", "{0}");
    public static readonly DiagnosticDescriptor UpstreamOutsideMesh = Warning(RuleIds.UpstreamOutsideMesh, "An upstream is outside the service mesh", "{0}");
    public static readonly DiagnosticDescriptor ProbeBehindStrictMtls = Warning(RuleIds.ProbeBehindStrictMtls, "A sidecar's probe cannot pass the mesh's mutual TLS", "{0}");

    // A system's checks need every service's description, so they are reported at the end of the system's compilation.
    public static readonly DiagnosticDescriptor UnknownService = SystemError(RuleIds.UnknownService, "A call names no service of the system");
    public static readonly DiagnosticDescriptor DuplicateService = SystemError(RuleIds.DuplicateService, "A service is in the system twice");
    public static readonly DiagnosticDescriptor NoClientCertificate = SystemError(RuleIds.NoClientCertificate, "A call cannot pass the callee's mutual TLS");
    public static readonly DiagnosticDescriptor UnreadableService = SystemError(RuleIds.UnreadableService, "A service of the system was built by another SidecarGen");
    // The cluster add-ons (Prometheus Operator, cert-manager, Gateway API / Ingress, External Secrets).
    public static readonly DiagnosticDescriptor InvalidAddOnSetting = Error(RuleIds.InvalidAddOnSetting, "Invalid cluster add-on MSBuild property", "{0}");
    public static readonly DiagnosticDescriptor InvalidHost = Error(RuleIds.InvalidHost, "Host is not a DNS name", "{0}");
    public static readonly DiagnosticDescriptor InvalidIssuer = Error(RuleIds.InvalidIssuer, "Invalid certificate issuer reference", "{0}");
    public static readonly DiagnosticDescriptor AddOnWithoutEffect = Warning(RuleIds.AddOnWithoutEffect, "A cluster add-on setting has no effect or cannot work", "{0}");
    // Autoscaling (MinReplicas, MaxReplicas, the targets, SidecarGenAutoscaler).
    public static readonly DiagnosticDescriptor InvalidAutoscaling = Error(RuleIds.InvalidAutoscaling, "Autoscaling bounds or targets cannot work", "{0}");
    public static readonly DiagnosticDescriptor NoContainerMetrics = Warning(RuleIds.NoContainerMetrics, "The autoscaler cannot measure the app's container alone on this Kubernetes version", "{0}");
    public static readonly DiagnosticDescriptor AutoscalingWithoutEffect = Warning(RuleIds.AutoscalingWithoutEffect, "An autoscaling setting has no effect", "{0}");
    public static readonly DiagnosticDescriptor MeshVersionUnsupported = Warning(RuleIds.MeshVersionUnsupported, "The mesh version is outside the supported range", "{0}");
    public static readonly DiagnosticDescriptor AcmeIssuerForClusterNames = Warning(RuleIds.AcmeIssuerForClusterNames, "An ACME issuer cannot sign the in-cluster certificate", "{0}");
    // The app's own code against its declared service (Diagnostics/AppCode): reported only where the code's value is certain.
    // A path may be mapped in any file, so SCG0028 is known only at the compilation's end.
    public static readonly DiagnosticDescriptor ProbePathNotMapped = new(
        RuleIds.ProbePathNotMapped, "The app maps no endpoint at its probes' path", "{0}", Category, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, helpLinkUri: HelpLinks.For(RuleIds.ProbePathNotMapped), customTags: WellKnownDiagnosticTags.CompilationEnd);
    public static readonly DiagnosticDescriptor ListensElsewhere = Error(RuleIds.ListensElsewhere, "The app listens elsewhere than its declared port", "{0}");
    public static readonly DiagnosticDescriptor UndeclaredCall = Warning(RuleIds.UndeclaredCall, "The app calls a service that is not in Calls", "{0}");

    // The app's observability and configuration against its sidecars (Diagnostics/AppCode). What the app
    // registers may be in any file, so SCG0031 and SCG0032 are known at the compilation's end.
    public static readonly DiagnosticDescriptor PlainHttpBehindProxy = AppCodeEnd(RuleIds.PlainHttpBehindProxy, "HTTPS redirection behind a proxy sidecar sees plain HTTP");
    public static readonly DiagnosticDescriptor NoMetricsExporter = AppCodeEnd(RuleIds.NoMetricsExporter, "The metrics sidecar's collector receives nothing from the app");
    public static readonly DiagnosticDescriptor UnshippedLogFile = Warning(RuleIds.UnshippedLogFile, "A log file is not shipped or not bounded", "{0}");
    public static readonly DiagnosticDescriptor ConfigNotReloaded = Warning(RuleIds.ConfigNotReloaded, "The app does not reload the config watcher's files", "{0}");
    public static readonly DiagnosticDescriptor InteractiveLoginBehindProxy = AppCodeEnd(RuleIds.InteractiveLoginBehindProxy, "The app runs its own interactive login behind an auth proxy sidecar");
    public static readonly DiagnosticDescriptor NoLogFile = AppCodeEnd(RuleIds.NoLogFile, "The logging sidecar ships nothing: the app writes no log file");

    // The app's protocol (Protocol): what Kestrel is set to speak (Diagnostics/AppCode), and a traffic sidecar that cannot carry it.
    public static readonly DiagnosticDescriptor ProtocolMismatch = AppCodeEnd(RuleIds.ProtocolMismatch, "Kestrel speaks another protocol than the service's Protocol");
    public static readonly DiagnosticDescriptor HopCannotSpeakProtocol = Error(RuleIds.HopCannotSpeakProtocol, "A traffic sidecar cannot speak the app's protocol", "{0}");

    // SCG0034 when the app loads nothing the watcher writes: known only at the compilation's end, so a descriptor of its own (not in All: For(id) is the one above).
    public static readonly DiagnosticDescriptor ConfigNotLoaded = AppCodeEnd(RuleIds.ConfigNotReloaded, "The app does not load the config watcher's files");

    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        SeveralConcerns, DomainType, PortCollision, DuplicateConcern, UnpinnedImage, InvalidQuantity, InvalidName, NotEntryPoint,
        PortOutOfRange, SidecarsOutweighApp, SecretInSource, Privileged, InvalidUrl, NoNativeSidecars, SeveralServices, CannotRender,
        UnknownService, DuplicateService, NoClientCertificate,
        IgnoredSetting, UpstreamOutsideMesh, ProbeBehindStrictMtls,
        InvalidAddOnSetting, InvalidHost, InvalidIssuer, AddOnWithoutEffect,
        UnreadableService,
        InvalidAutoscaling, NoContainerMetrics, AutoscalingWithoutEffect,
        MeshVersionUnsupported, AcmeIssuerForClusterNames,
        ProbePathNotMapped, ListensElsewhere, UndeclaredCall,
        PlainHttpBehindProxy, NoMetricsExporter, UnshippedLogFile, ConfigNotReloaded,
        ProtocolMismatch, HopCannotSpeakProtocol, InteractiveLoginBehindProxy, NoLogFile,
    };

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(descriptor => descriptor.Id);

    public static DiagnosticDescriptor For(string id) => ById[id];

    private static DiagnosticDescriptor SystemError(string id, string title) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id), customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor AppCodeEnd(string id, string title) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id), customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Warning(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Error(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Info(string id, string title, string message) => Create(id, title, message, DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
}
