using System.Collections.Generic;
using System.Linq;
using SidecarGen.Model;

namespace SidecarGen.Pod;

/// <summary>A Secret the Pod reads, and every key of it that some container reads (as a variable or a file).</summary>
internal sealed record SecretUse(string SecretName, EquatableArray<string> Keys);

/// <summary>The Secrets the Pod reads that the user provides, in the order the containers first read them.</summary>
internal static class PodSecrets
{
    /// <summary>
    /// Every Secret some container reads through <c>secretKeyRef</c> or a Secret volume, except those a
    /// cert-manager Certificate of the plan writes.
    /// </summary>
    public static IReadOnlyList<SecretUse> Of(ServicePlan plan)
    {
        var certificates = new HashSet<string>(CertificateSpec.Of(plan).Select(certificate => certificate.SecretName));
        return PodVolumes.Containers(plan)
            .SelectMany(container => container.Env.Select(variable => variable.Secret).OfType<SecretKeySpec>()
                .Concat(container.SecretFiles.Select(file => file.Secret)))
            .Where(key => !certificates.Contains(key.SecretName))
            .GroupBy(key => key.SecretName)
            .Select(group => new SecretUse(group.Key, group.Select(key => key.Key).Distinct().ToEquatableArray()))
            .ToList();
    }
}
