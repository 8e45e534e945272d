using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SidecarGen.Model;
using SidecarGen.Pod;
using SidecarGen.Sidecars;

namespace SidecarGen.Planning;

/// <summary>
/// Resolves a declared service against the build's settings: applies every default, builds each
/// sidecar and chains the traffic sidecars so that each one forwards to the next hop inward.
/// </summary>
internal static class ServicePlanner
{
    public const string AppPortName = "http";

    /// <summary>The app's CPU and memory when <c>[SidecarService]</c> leaves them out.</summary>
    public static readonly ResourceSpec AppResources = new("250m", "256Mi", "1", "512Mi");
    private const string AppScratchVolume = "tmp";

    public static ServicePlan Plan(ServiceDeclaration declaration, BuildSettings settings) => Plan(declaration, settings, ServiceNetwork.Standalone);

    /// <summary>The service planned among others: <paramref name="network"/> says where the services it calls are, and who calls it.</summary>
    public static ServicePlan Plan(ServiceDeclaration declaration, BuildSettings settings, ServiceNetwork network)
    {
        var service = declaration.Options;
        var name = ServiceName(declaration, settings);
        var port = service.Port;

        var sidecars = BuildSidecars(declaration, name, settings.Namespace, port, SupportsNativeSidecars(settings.KubernetesVersion), network, out var sidecarEntry);
        var entry = sidecarEntry ?? new EntryPoint(name, AppPortName, port);
        var loopbackOnly = entry.ContainerName != name;
        var sidecarEnv = sidecars.SelectMany(sidecar => sidecar.AppEnv).ToList();
        var appVolumes = sidecars.SelectMany(sidecar => sidecar.SharedVolumes).ToList();
        var app = new ContainerSpec(
            name,
            service.Image is { Length: > 0 } image ? image : DefaultImage(name, settings),
            EquatableArray<string>.Empty,
            EquatableArray<string>.Empty,
            EquatableArray.Of(new PortSpec(AppPortName, port)),
            AppListener.Environment(port, loopbackOnly)
                .Concat(ForwardedHeaders.AppEnv(declaration))
                .Concat(sidecarEnv)
                .Concat(Discovery(service, network, sidecarEnv))
                .ToEquatableArray(),
            new[] { new MountSpec(AppScratchVolume, "/tmp", ReadOnly: false) }
                .Concat(appVolumes.Select(volume => new MountSpec(volume.Volume, volume.AppPath, volume.AppReadOnly)))
                .ToEquatableArray(),
            EquatableArray<SecretFileSpec>.Empty,
            AppProbe(service, service.HealthPath, loopbackOnly, settings),
            ResourceSpec.Of(service.Resources, AppResources),
            EquatableArray<string>.Empty,
            RunAsRoot: false);
        if (service.LivenessPath != service.HealthPath && AppProbe(service, service.LivenessPath, loopbackOnly, settings) is var liveness && liveness != app.Probe)
        {
            app = app with { Liveness = liveness };
        }

        return new ServicePlan(
            name,
            settings.Version,
            settings.Namespace,
            service.Replicas,
            app,
            sidecars.ToEquatableArray(),
            entry,
            SupportsNativeSidecars(settings.KubernetesVersion),
            settings.Kubernetes,
            settings.Compose,
            service.Host,
            settings.AddOns,
            network.CallersOf(name),
            AutoscalingSpec.Of(service.Autoscaling, settings.AddOns, SupportsContainerMetrics(settings.KubernetesVersion)))
        {
            Protocol = service.Protocol,
            Network = network,
        };
    }

    /// <summary>
    /// Each called service's address in the form service discovery reads, unless a sidecar already
    /// gives it one (the mesh's egress listener for its upstreams), and under the app's own key where
    /// <c>Calls</c> names one. A service outside the system is reached at the URL it is given.
    /// </summary>
    private static IEnumerable<EnvVarSpec> Discovery(ServiceOptions service, ServiceNetwork network, IReadOnlyList<EnvVarSpec> sidecarEnv)
    {
        var callees = service.Calls
            .Select(call => call.Service)
            .Concat(service.ExternalServices.Select(external => external.Service).Where(name => service.Calls.All(call => call.Service != name)));
        foreach (var callee in callees)
        {
            var variable = ServiceDiscovery.Variable(callee);
            var given = sidecarEnv.FirstOrDefault(env => env.Name == variable);
            var address = given?.Value
                ?? service.ExternalServices.FirstOrDefault(external => external.Service == callee)?.Url
                ?? network.Resolve(callee).Url;
            if (given is null)
            {
                yield return EnvVarSpec.Literal(variable, address);
            }

            if (service.Calls.FirstOrDefault(call => call.Service == callee)?.Key is { } key)
            {
                yield return EnvVarSpec.Literal(ServiceDiscovery.KeyVariable(key), address);
            }
        }
    }

    private static ProbeSpec AppProbe(ServiceOptions service, string path, bool loopbackOnly, BuildSettings settings) =>
        AppListener.Probe(AppPortName, service.Port, path, loopbackOnly, service.Protocol, SupportsGrpcProbes(settings.KubernetesVersion));

    public static string ServiceName(ServiceDeclaration declaration, BuildSettings settings) =>
        declaration.Options.Name is { Length: > 0 } name ? name : Naming.KebabCase(settings.AssemblyName);

    /// <summary>Native sidecars (init containers with <c>restartPolicy: Always</c>) are on by default from Kubernetes 1.29.</summary>
    public static bool SupportsNativeSidecars(string kubernetesVersion) => IsAtLeast(kubernetesVersion, 29);

    /// <summary>
    /// The kubelet's gRPC probe is on by default from Kubernetes 1.24, where it turned beta (stable in 1.27;
    /// KEP-2727, feature gate GRPCContainerProbe).
    /// </summary>
    public static bool SupportsGrpcProbes(string kubernetesVersion) => IsAtLeast(kubernetesVersion, 24);

    /// <summary>
    /// An autoscaler may measure one container (<c>ContainerResource</c>) from Kubernetes 1.27, where the
    /// HPAContainerMetrics feature gate turned beta and on by default (stable in 1.30; kubernetes/website
    /// <c>feature-gates/HPAContainerMetrics.md</c>).
    /// </summary>
    public static bool SupportsContainerMetrics(string kubernetesVersion) => IsAtLeast(kubernetesVersion, 27);

    private static bool IsAtLeast(string kubernetesVersion, int minorOfOne)
    {
        var parts = kubernetesVersion.TrimStart('v', 'V').Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && (major > 1 || (major == 1 && minor >= minorOfOne));
    }

    /// <summary>The .NET SDK container properties, else <c>&lt;name&gt;:&lt;Version&gt;</c>.</summary>
    private static string DefaultImage(string name, BuildSettings settings)
    {
        var repository = settings.ContainerRepository ?? name;
        var registry = settings.ContainerRegistry is { } host ? host.TrimEnd('/') + "/" : string.Empty;
        var tag = settings.ContainerImageTag ?? settings.Version ?? "1.0.0";
        return registry + repository + ":" + tag;
    }

    /// <summary>
    /// Builds the sidecars innermost traffic hop first, so each one knows the port it forwards to;
    /// they keep their source order in the result.
    /// </summary>
    private static List<SidecarSpec> BuildSidecars(ServiceDeclaration declaration, string serviceName, string? serviceNamespace, int appPort, bool nativeSidecars, ServiceNetwork network, out EntryPoint? entry)
    {
        var built = new SidecarSpec[declaration.Sidecars.Count];
        var upstream = appPort;
        var upstreamTls = false;
        var planned = new List<SidecarSpec>();
        entry = null;
        foreach (var index in TrafficOrder(declaration))
        {
            var declared = declaration.Sidecars[index];
            var sidecar = SidecarKinds.Of(declared).Plan(declared.Options, new SidecarContext(serviceName, serviceNamespace, upstream, upstreamTls, nativeSidecars, planned.ToArray(), network) { UpstreamProtocol = declaration.Options.Protocol })
                with { Ordinal = declared.Ordinal };
            if (sidecar.InboundPort is int inbound)
            {
                upstream = inbound;
                upstreamTls = sidecar.InboundTls;
                var portName = sidecar.Container.Ports.FirstOrDefault(p => p.Port == inbound)?.Name ?? AppPortName;
                entry = new EntryPoint(sidecar.Name, portName, inbound);
            }

            built[index] = sidecar;
            planned.Add(sidecar);
        }

        return built.ToList();
    }

    /// <summary>
    /// The sidecars' indexes innermost traffic hop first, source order among equals: an insertion sort
    /// of a handful of items, where LINQ's ordering over ints would be JIT-compiled in a new compiler process.
    /// </summary>
    private static int[] TrafficOrder(ServiceDeclaration declaration)
    {
        var order = new int[declaration.Sidecars.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var rank = SidecarKinds.TrafficRank(SidecarKinds.Of(declaration.Sidecars[i]));
            var at = i;
            while (at > 0 && SidecarKinds.TrafficRank(SidecarKinds.Of(declaration.Sidecars[order[at - 1]])) > rank)
            {
                order[at] = order[at - 1];
                at--;
            }

            order[at] = i;
        }

        return order;
    }
}
