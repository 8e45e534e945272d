using System;
using System.Collections.Generic;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Rules;
using SidecarGen.Sidecars;

namespace SidecarGen.Systems;

/// <summary>
/// The checks only a system can make, each reported in the service's own source: a call to no
/// service of the system and none of the caller's <c>ExternalServices</c> (SCG0017), a service
/// referenced twice, two services of one name or of one Compose service name (SCG0018),
/// a call that cannot pass the callee's mutual TLS (SCG0019), a service built by another SidecarGen (SCG0027).
/// </summary>
internal static class SystemRules
{
    public static IReadOnlyList<SystemFinding> Check(SystemDeclaration system, IReadOnlyList<SystemService> services)
    {
        var findings = new List<SystemFinding>();
        for (var i = 0; i < system.Services.Count; i++)
        {
            if (!system.Services[i].Readable)
            {
                findings.Add(new SystemFinding(i, new Finding(RuleIds.UnreadableService, -1, null, $"The description of {system.Services[i].Project} cannot be read by this SidecarGen: build the service with the same SidecarGen version as the system")));
            }
        }

        // A call to a name no readable service has may well be to the unreadable one: SCG0027 says enough.
        var complete = findings.Count == 0;
        var byName = new Dictionary<string, SystemService>(StringComparer.Ordinal);
        var projects = new Dictionary<string, SystemService>(StringComparer.OrdinalIgnoreCase);
        foreach (var service in services)
        {
            if (projects.TryGetValue(service.Description.Project, out var first))
            {
                findings.Add(AtName(service, RuleIds.DuplicateService, $"The system references the project of '{service.Name}' ({service.Description.Project}) twice"));
            }
            else if (byName.TryGetValue(service.Name, out first))
            {
                findings.Add(AtName(service, RuleIds.DuplicateService, $"Two services of the system are named '{service.Name}' ({first.Description.Project} and {service.Description.Project}); give one another name"));
            }
            else
            {
                byName.Add(service.Name, service);
            }

            projects[service.Description.Project] = service;
        }

        var unique = services.Where(service => byName.TryGetValue(service.Name, out var known) && known == service).ToList();

        // One Compose file holds every service: "order" with a sidecar "service-logging" and "order-service"
        // with a sidecar "logging" would both be "order-service-logging".
        var composeNames = new Dictionary<string, SystemService>(StringComparer.Ordinal);
        foreach (var service in unique)
        {
            foreach (var name in ComposeServiceNames(service))
            {
                if (composeNames.TryGetValue(name, out var other))
                {
                    findings.Add(AtName(service, RuleIds.DuplicateService, $"'{service.Name}' and '{other.Name}' would both have the Compose service '{name}'; rename a service or a sidecar"));
                    break;
                }

                composeNames.Add(name, service);
            }
        }

        foreach (var caller in unique)
        {
            foreach (var call in ServiceCall.Of(caller))
            {
                if (!byName.TryGetValue(call.Callee, out var callee))
                {
                    if (!complete || IsExternal(caller, call.Callee))
                    {
                        continue;
                    }

                    findings.Add(At(caller, call, RuleIds.UnknownService, $"'{call.Callee}' is no service of the system (its services: {string.Join(", ", byName.Keys.OrderBy(name => name, StringComparer.Ordinal))})"));
                }
                else if (callee.RequiredClientCertificate is { } mesh && !PresentsClientCertificate(caller, call.Callee, mesh))
                {
                    findings.Add(At(caller, call, RuleIds.NoClientCertificate, $"'{callee.Name}' admits only clients with a certificate of its mesh ({mesh}, mutual TLS), and '{caller.Name}' calls it without one; call it through a mesh sidecar of the same mesh with Mtls, {Fix(mesh, callee.Name)}"));
                }
            }
        }

        return findings;
    }

    /// <summary>The Compose services a service brings into the system's file: its app, the namespace holder, the secrets copier and its sidecars.</summary>
    private static IEnumerable<string> ComposeServiceNames(SystemService service) =>
        new[] { service.Name, ComposeNames.Holder(service.Name), ComposeNames.Secrets(service.Name) }
            .Concat(service.Declaration.Sidecars.Select(sidecar => ComposeNames.Sidecar(service.Name, sidecar.Name)));

    /// <summary>The caller says where the callee is: a service outside the system, not one it lacks.</summary>
    private static bool IsExternal(SystemService caller, string callee) =>
        caller.Declaration.Options.ExternalServices.Any(external => external.Service == callee);

    /// <summary>The caller reaches the callee through a sidecar of its own that presents a client certificate of the callee's mesh.</summary>
    private static bool PresentsClientCertificate(SystemService caller, string callee, MeshProvider mesh) =>
        caller.Declaration.Sidecars.Any(sidecar =>
            SidecarKinds.Of(sidecar) is IMeshKind kind
            && kind.PresentsClientCertificate(sidecar.Options, callee, mesh));

    /// <summary>The caller's attribute that makes the call pass: our Envoy names the callee in <c>Upstreams</c>; an injected proxy intercepts every call.</summary>
    private static string Fix(MeshProvider mesh, string callee) =>
        mesh == MeshProvider.Envoy
            ? $"[ServiceMeshSidecar(Upstreams = new[] {{ \"{callee}\" }})]"
            : $"[ServiceMeshSidecar(Mesh = MeshProvider.{mesh})]";

    private static SystemFinding At(SystemService service, ServiceCall call, string ruleId, string message) =>
        new(service.Index, new Finding(ruleId, call.Ordinal, call.Argument, message, call.Item));

    private static SystemFinding AtName(SystemService service, string ruleId, string message) =>
        new(service.Index, new Finding(ruleId, service.Declaration.ServiceOrdinal, nameof(SidecarServiceAttribute.Name), message));
}
