using System.Collections.Generic;
using System.Linq;
using SidecarGen.Pod;
using SidecarGen.Rules;
using SidecarGen.Yaml;

namespace SidecarGen.Emit.Compose;

/// <summary>
/// <c>&lt;service&gt;-variables</c>: a one-shot service, the first to start, that checks every variable
/// the Pod's secrets come from at once and exits 1 naming each one that is not set; the holder waits for
/// it to complete successfully, so <c>up</c> without the secrets starts nothing else. It sees only
/// whether each variable is set (<see cref="ComposeText.IsSet"/>), never a value. Written only when
/// the Pod reads secrets.
/// </summary>
internal static class VariableCheck
{
    public static void Write(YamlWriter yaml, ServicePlan plan, IReadOnlyList<string> variables)
    {
        yaml.BeginMap(ComposeNames.Variables(plan.Name))
            .Pair("image", ProbeTools.Image);
        ContainerService.Strings(yaml, "entrypoint", new[] { "/bin/busybox", "sh", "-c", Script(variables) });
        ContainerService.Hardening(yaml, runAsRoot: false, readOnly: true);
        yaml.BeginMap("environment");
        foreach (var variable in variables)
        {
            yaml.Pair(variable, ComposeText.IsSet(variable));
        }

        yaml.EndMap();
        ContainerService.Resources(yaml, ProbeTools.Resources);
        yaml.Pair("restart", "no")
            .Pair("network_mode", "none")
            .EndMap();
    }

    /// <summary>Every variable the Pod's secrets are read from (as variables or as files), each once, in order.</summary>
    public static IReadOnlyList<string> Variables(ServicePlan plan) =>
        PodVolumes.Containers(plan).SelectMany(container => container.Env).Select(variable => variable.Secret).OfType<SecretKeySpec>()
            .Concat(SecretCopier.Keys(plan))
            .Select(key => key.ComposeVariable)
            .Distinct()
            .ToList();

    /// <summary>
    /// Collects the missing names, then fails once with all of them. Variable names are
    /// <c>[A-Z0-9_]</c> (<see cref="Naming.EnvironmentName"/>), so they need no quoting; the writer
    /// doubles each <c>$</c>, so Compose leaves them to the shell.
    /// </summary>
    private static string Script(IReadOnlyList<string> variables) =>
        "missing=; "
        + string.Concat(variables.Select(variable => "[ -n \"${" + variable + "}\" ] || missing=\"$missing " + variable + "\"; "))
        + "if [ -n \"$missing\" ]; then echo \"Not set in the environment of docker compose up:$missing (see " + HelpLinks.Page("secrets.md") + ")\" >&2; exit 1; fi";
}
